import type { Role } from '@/lib/session';
import type { common } from '@/i18n/common';

type NavLabel = keyof (typeof common)['en']['nav'];

/** The screens in the main navigation, and the roles each is for. */
export const navigation: readonly { to: string; label: Exclude<NavLabel, 'label'>; roles: readonly Role[] }[] = [
  { to: '/', label: 'home', roles: ['administrator', 'coordinator', 'trainer', 'donor'] },
  { to: '/programmes', label: 'programmes', roles: ['administrator', 'coordinator', 'donor'] },
  { to: '/workshops', label: 'workshops', roles: ['administrator', 'coordinator', 'trainer'] },
  { to: '/participants', label: 'participants', roles: ['administrator', 'coordinator', 'trainer'] },
  { to: '/trainers', label: 'trainers', roles: ['administrator', 'coordinator'] },
  { to: '/action-plans', label: 'actionPlans', roles: ['administrator', 'coordinator'] },
  { to: '/results', label: 'results', roles: ['administrator', 'coordinator'] },
  { to: '/perception-surveys', label: 'perception', roles: ['administrator', 'coordinator'] },
  { to: '/reports', label: 'reports', roles: ['administrator', 'coordinator', 'donor'] },
  // Donors never see a round: their perception screen is the programme summary.
  { to: '/perception', label: 'perception', roles: ['donor'] },
  { to: '/admin', label: 'administration', roles: ['administrator'] },
];
