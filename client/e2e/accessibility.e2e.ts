import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { demo, journeys, signIn } from './journey';

// Issue #7: every screen of every role passes axe-core's WCAG 2.1 A and AA rules, and a form can be
// reached and sent with the keyboard alone.

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const wcag21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** The id of the first item of a list of the API, read with the signed-in browser's cookie. */
async function firstId(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const [first] = ((await response.json()) as { items: { id: string }[] }).items;
  if (!first) throw new Error(`nothing in ${path}`);
  return first.id;
}

/** Opens a screen and waits until it has its heading and nothing more is loading. */
async function open(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Loading messages ("Loading…", "Chargement des donateurs…") all end with an ellipsis.
  await page.waitForFunction(() => ![...document.querySelectorAll('[role=status]')].some((status) => /…\s*$/.test(status.textContent ?? '')));
  await page.waitForLoadState('networkidle');
}

/** What axe-core finds wrong on the screen, one line per rule and element. */
async function audit(page: Page, path: string): Promise<string[]> {
  await open(page, path);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeScript });
  const violations = await page.evaluate(
    async (tags) => (await (window as unknown as { axe: { run(options: object): Promise<{ violations: Violation[] }> } }).axe.run({ runOnly: { type: 'tag', values: tags } })).violations,
    wcag21,
  );
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${path}: ${violation.id} (${violation.impact}) ${violation.help} at ${JSON.stringify(node.target)}`),
  );
}

/** Audits every screen and fails with the whole list, so that one run shows everything to fix. */
async function auditAll(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) found.push(...(await audit(page, path)));
  expect(found, found.join('\n')).toEqual([]);
}

async function inFrench(page: Page) {
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('navigation', { name: 'Principale' }).waitFor();
}

journeys('accessibility', (journey) => {
  journey('an administrator’s screens pass WCAG 2.1 AA, in English and in French', async (page) => {
    await signIn(page, demo.administrator);
    const workshop = await firstId(page, '/api/v1/workshops');
    const plan = await firstId(page, '/api/v1/action-plans');
    const action = await firstId(page, `/api/v1/action-plans/${plan}/actions`);
    const user = await firstId(page, '/api/v1/users');
    const donor = await firstId(page, '/api/v1/donors');
    const screens = [
      '/', '/workshops', `/workshops/${workshop}`, '/workshops/new', '/participants', '/participants/new', '/trainers',
      '/trainers/new', '/trainers/cascade', '/programmes', '/programmes/new', '/action-plans', `/action-plans/${plan}`,
      `/actions/${action}`, '/results', '/reports', '/admin', '/admin/users', `/admin/users/${user}`, '/admin/users/new',
      '/admin/api-tokens', '/admin/donors', `/admin/donors/${donor}`, '/admin/administrations', '/admin/modules',
      '/admin/modules/new', '/admin/key-factors', '/admin/regions', '/admin/countries',
    ];
    await auditAll(page, screens);
    await inFrench(page);
    await auditAll(page, ['/', `/workshops/${workshop}`, '/workshops/new', '/admin', '/admin/users/new']);
  });

  journey('a coordinator’s screens pass WCAG 2.1 AA, in English and in French', async (page) => {
    await signIn(page, demo.coordinator);
    const programme = await firstId(page, '/api/v1/programmes');
    const workshop = await firstId(page, '/api/v1/workshops');
    const participant = await firstId(page, '/api/v1/participants');
    const trainer = await firstId(page, '/api/v1/trainers');
    const plan = await firstId(page, '/api/v1/action-plans');
    const action = await firstId(page, `/api/v1/action-plans/${plan}/actions`);
    const indicator = await firstId(page, `/api/v1/programmes/${programme}/indicators`);
    const period = await firstId(page, `/api/v1/programmes/${programme}/periods`);
    const screens = [
      '/', '/programmes', '/workshops', `/workshops/${workshop}`, '/workshops/new', `/workshops/${workshop}/enrol`,
      `/workshops/${workshop}/sheet`, '/participants', `/participants/${participant}`, `/participants/${participant}/edit`,
      '/trainers', `/trainers/${trainer}`, '/action-plans', `/action-plans/${plan}`, `/actions/${action}`, '/results',
      `/results/${programme}`, `/results/${programme}/indicators/new`, `/results/${programme}/indicators/${indicator}`,
      `/results/${programme}/indicators/${indicator}/periods/${period}`, `/results/${programme}/periods/${period}`,
      '/reports', `/reports/${programme}`,
    ];
    await auditAll(page, screens);
    await inFrench(page);
    await auditAll(page, ['/', '/workshops', `/action-plans/${plan}`, `/actions/${action}`, `/results/${programme}`, `/reports/${programme}`]);
  });

  journey('a trainer’s screens pass WCAG 2.1 AA', async (page) => {
    await signIn(page, demo.trainer);
    const screens = ['/', '/workshops', '/participants'];
    const workshops = await page.request.get('/api/v1/workshops');
    const [workshop] = ((await workshops.json()) as { items: { id: string }[] }).items;
    if (workshop) screens.push(`/workshops/${workshop.id}`);
    await auditAll(page, screens);
    await inFrench(page);
    await auditAll(page, ['/', '/workshops']);
  });

  journey('a donor’s screens pass WCAG 2.1 AA, in English and in French', async (page) => {
    await signIn(page, demo.donor);
    const programme = await firstId(page, '/api/v1/programmes');
    await auditAll(page, ['/', '/programmes', '/reports', `/reports/${programme}`]);
    await inFrench(page);
    await auditAll(page, ['/', '/reports', `/reports/${programme}`]);
  });
});
