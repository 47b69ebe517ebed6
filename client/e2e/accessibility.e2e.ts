import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { demo, journeys, phone, signIn } from './journey';

// Issue #7: every screen of every role passes axe-core's WCAG 2.1 A and AA rules, and a form can be
// reached and sent with the keyboard alone.

// Evaluated through the browser's debugging protocol rather than added as an inline <script>, which the
// client's Content-Security-Policy rightly refuses: the screens are audited under the policy they ship with.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
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

// The walks of the administrator's and coordinator's screens open some thirty screens each, loading every one
// and auditing it: they get a budget by screen rather than the config's 90 s for a whole journey.
const longWalk = { timeout: 40 * 8_000 };

/** Opens a screen and waits until it has its heading and nothing more is loading. */
async function open(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Loading messages ("Loading…", "Chargement des donateurs…") all end with an ellipsis.
  await page.waitForFunction(() => ![...document.querySelectorAll('[role=status]')].some((status) => /…\s*$/.test(status.textContent ?? '')));
  await page.waitForLoadState('networkidle');
}

/** What axe-core finds wrong on the screen as it is now, one line per rule and element. */
async function violations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(
    async (tags) => (await (window as unknown as { axe: { run(options: object): Promise<{ violations: Violation[] }> } }).axe.run({ runOnly: { type: 'tag', values: tags } })).violations,
    wcag21,
  );
  return found.flatMap((violation) =>
    violation.nodes.map((node) => `${where}: ${violation.id} (${violation.impact}) ${violation.help} at ${JSON.stringify(node.target)}`),
  );
}

/** Audits every screen and fails with the whole list, so that one run shows everything to fix. */
async function auditAll(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) {
    await open(page, path);
    found.push(...(await violations(page, path)));
  }
  expect(found, found.join('\n')).toEqual([]);
}

/** What has the keyboard focus: its name, whether it is on screen, and whether a focus ring shows it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: '', id: '', onScreen: false, ring: false };
    const labelled = (element as HTMLInputElement).labels?.[0]?.textContent;
    const name = (element.getAttribute('aria-label') ?? labelled ?? element.textContent ?? '').trim();
    const box = element.getBoundingClientRect();
    const onScreen = box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight;
    const style = getComputedStyle(element);
    return { name, id: element.id, onScreen, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
  });
}

/**
 * Presses Tab until the control named so has the focus; every control on the way must show it has
 * the focus. (Tab also walks through the parts of a date field: the browser draws those.)
 */
async function tabTo(page: Page, name: string | RegExp) {
  let before = await focused(page);
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    let now = await focused(page);
    if (now.name === '' || now.name === before.name) continue;
    // A screen still laying itself out (a list arriving above) may move the focused control for a frame: read it settled.
    if (!now.onScreen) {
      await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
      now = await focused(page);
    }
    before = now;
    expect(now, `focus on "${now.name}" is visible`).toMatchObject({ onScreen: true, ring: true });
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** What a trainer opens: home, lists, and the demo's Ouagadougou workshop with its attendance, enrolment and printed sheet. */
async function trainerScreens(page: Page): Promise<string[]> {
  const workshop = await firstId(page, '/api/v1/workshops');
  const session = await firstId(page, `/api/v1/workshops/${workshop}/sessions`);
  return [
    '/', '/workshops', '/participants', `/workshops/${workshop}`, `/workshops/${workshop}/sessions/${session}/attendance`,
    `/workshops/${workshop}/enrol`, `/workshops/${workshop}/attendance-sheet`,
  ];
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
      '/admin/modules/new', '/admin/key-factors', '/admin/regions', '/admin/countries', '/perception-surveys', '/questionnaires',
      '/questionnaires/new',
    ];
    await auditAll(page, screens);
    await inFrench(page);
    await auditAll(page, ['/', `/workshops/${workshop}`, '/workshops/new', '/admin', '/admin/users/new']);
  }, longWalk);

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
      '/reports', `/reports/${programme}`, '/perception-surveys', '/questionnaires',
    ];
    await auditAll(page, screens);
    await inFrench(page);
    await auditAll(page, ['/', '/workshops', `/action-plans/${plan}`, `/actions/${action}`, `/results/${programme}`, `/reports/${programme}`]);
  }, longWalk);

  journey('a trainer’s screens pass WCAG 2.1 AA', async (page) => {
    await signIn(page, demo.trainer);
    await auditAll(page, await trainerScreens(page));
    await inFrench(page);
    await auditAll(page, ['/', '/workshops']);
  });

  journey('a trainer’s screens pass WCAG 2.1 AA on a phone, in English and in French', async (page) => {
    await signIn(page, demo.trainer);
    const screens = await trainerScreens(page);
    await auditAll(page, screens);
    await inFrench(page);
    await auditAll(page, screens);
  }, { ...longWalk, viewport: phone });

  journey('a donor’s screens pass WCAG 2.1 AA, in English and in French', async (page) => {
    await signIn(page, demo.donor);
    const programme = await firstId(page, '/api/v1/programmes');
    await auditAll(page, ['/', '/programmes', '/reports', `/reports/${programme}`, '/perception']);
    await inFrench(page);
    await auditAll(page, ['/', '/reports', `/reports/${programme}`]);
  });

  journey('a coordinator signs in, reaches the workshop form and records a workshop with the keyboard alone', async (page) => {
    await page.goto('/');
    await page.getByLabel('E-mail').waitFor();
    // The sign-in form starts in its first field.
    expect((await focused(page)).name).toBe('E-mail');
    await page.keyboard.type(demo.coordinator);
    await tabTo(page, 'Password');
    await page.keyboard.type('integrity-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    await tabTo(page, 'Skip to content');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');
    await tabTo(page, 'Home');
    await tabTo(page, 'Workshops');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
    // A new screen: reading and tabbing start at its content, not at the link left behind.
    expect((await focused(page)).id).toBe('main');

    await tabTo(page, 'Record a workshop');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Record a workshop' }).waitFor();
    expect((await focused(page)).id).toBe('main');
    await page.getByLabel('Programme').locator('option', { hasText: 'A-CIP' }).waitFor({ state: 'attached' });

    // Sent half filled: the API's reasons show next to the fields, and the screen passes the audit.
    const title = `Keyboard workshop ${Date.now()}`;
    await tabTo(page, 'Title');
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await page.getByLabel('First day').and(page.locator('[aria-invalid="true"]')).waitFor();
    const found = await violations(page, 'the workshop form with errors');
    expect(found, found.join('\n')).toEqual([]);

    // Date fields take digits in the browser's own order of day and month: these dates read the same in both.
    await tabTo(page, 'First day');
    await page.keyboard.type('06062026');
    await tabTo(page, 'Last day');
    await page.keyboard.type('07072026');
    await tabTo(page, 'Host administration');
    await page.keyboard.type('Burkina');
    await tabTo(page, /^City/);
    await page.keyboard.type('Ouagadougou');
    await tabTo(page, 'RAD-07 Code of Conduct');
    await page.keyboard.press('Space');
    await tabTo(page, 'Save');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect((await focused(page)).id).toBe('main');
  });
});
