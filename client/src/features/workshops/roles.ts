import type { Me } from '@/lib/session';

/** Recording workshops and planning sessions is for coordinators and administrators; trainers run them. */
export function mayPlan(me: Me): boolean {
  return me.role === 'coordinator' || me.role === 'administrator';
}
