import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium } from './server';

const screenshots = resolve(import.meta.dirname, 'screenshots');

/** The demo accounts (see README): every one has the password integrity-demo. */
export const demo = {
  administrator: 'admin@integrity.demo',
  coordinator: 'coordinator@integrity.demo',
  malianFocalPoint: 'focal.mali@integrity.demo',
  trainer: 'trainer@integrity.demo',
  donor: 'analyst@norad.demo',
} as const;

/** A phone's screen, as a trainer holds it taking attendance: CSS pixels. */
export const phone = { width: 390, height: 844 } as const;

type JourneyOptions = {
  /** For a journey that walks many screens (ms); others keep the config's. */
  timeout?: number;
  /** The browser's window, when not Playwright's 1280×720 (`phone`). */
  viewport?: { width: number; height: number };
};

/**
 * A group of journeys in one browser. Each journey gets a fresh browser context (no cookies, no
 * stored language) and, when it fails, leaves a full-page screenshot in e2e/screenshots/.
 */
export function journeys(title: string, define: (journey: (name: string, walk: (page: Page) => Promise<void>, options?: JourneyOptions) => void) => void) {
  const unavailable = inject('unavailable');
  describe.skipIf(unavailable !== '')(title, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await playwright.launch({
        executablePath: chromium,
        headless: true,
        // This machine has no sandbox for a root user, no GPU, and a closed network.
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    define((name, walk, { timeout, viewport } = {}) => {
      it(name, { timeout }, async () => {
        const context = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'en-GB', acceptDownloads: true, ...(viewport && { viewport }) });
        const page = await context.newPage();
        try {
          await walk(page);
        } catch (error) {
          mkdirSync(screenshots, { recursive: true });
          const file = join(screenshots, `${title} - ${name}`.replace(/[^\w.-]+/g, '-') + '.png');
          await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          throw new Error(`${(error as Error).message}\nScreenshot: ${file}`, { cause: error });
        } finally {
          await context.close();
        }
      });
    });
  });
}

/** Signs in through the form and waits for the home page. */
export async function signIn(page: Page, email: string, password = 'integrity-demo') {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Reads one page of a list through the signed-in browser's cookie; for setting up what a journey needs. */
export async function first<T>(page: Page, path: string, pick: (item: T) => boolean): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const found = ((await response.json()) as { items: T[] }).items.find(pick);
  if (!found) throw new Error(`nothing suitable in ${path}`);
  return found;
}

export async function post(page: Page, path: string, data: unknown): Promise<{ id: string }> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
  return response.json();
}

/** The page is no wider than the window: nothing on it needs sideways scrolling. */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}
