import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { demo, journeys, signIn } from './journey';

/** Clicks a download link and returns what the browser saved. */
async function download(page: Page, link: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const path = await file.path();
  expect(await file.failure()).toBeNull();
  return readFileSync(path);
}

journeys('donor reports', (journey) => {
  journey('a donor opens the progress report of a programme it funds and downloads it as CSV, Excel and IATI XML', async (page) => {
    await signIn(page, demo.donor);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: 'Progress report of A-CIP' }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress report: A-CIP' }).waitFor();

    // Norad sees the approved 2023 figures of Burkina Faso Customs, and which reports are still outstanding.
    await page.getByRole('table', { name: 'Figures of 2023' }).waitFor();
    const trained = page.getByRole('table', { name: 'Figures of 2023' }).getByRole('row', { name: /^Officials trained/ });
    expect(await trained.getByRole('cell').first().textContent()).toBe('26');
    // 2024 is not approved: no figure and no zeros, but why (the reports it waits for).
    expect(await page.getByRole('table', { name: 'Figures of 2024' }).count()).toBe(0);
    await page.getByRole('region', { name: '2024' }).getByText(/^2024: not approved yet\./).waitFor();
    await page.getByText('Burkina Faso Customs, 2024: in progress').waitFor();
    await page.getByText(/^A figure counting, or adding up, fewer than 5 people is shown as “suppressed”/).waitFor();
    await page.getByRole('table', { name: /^Modules delivered covering each key factor/ }).waitFor();
    // Donors never preview unapproved figures.
    expect(await page.getByLabel(/Preview/).count()).toBe(0);

    const csv = (await download(page, 'A-CIP progress report (CSV)')).toString('utf8').replace(/^\uFEFF/, '');
    // A withheld cell says so in `status` (suppressed) and `note`, never with a 0 in `value`.
    // The codes scripts read keep their columns and order; the labels in the screen's language follow them.
    expect(csv.split(/\r?\n/)[0]).toBe(
      'programme,period,starts_on,ends_on,administration,region,key_factor,sex,figure,indicator,value,status,note,' +
        'administration_label,region_label,key_factor_label,sex_label,figure_label,indicator_label,status_label',
    );
    expect(csv).toContain('officials_trained');

    const xlsx = await download(page, 'A-CIP progress report (Excel)');
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');

    const iati = (await download(page, 'A-CIP activities (IATI XML)')).toString('utf8');
    expect(iati).toMatch(/<iati-activities[\s>]/);
    expect(iati).not.toContain('includeUnapproved');
  });
});

journeys('period reports', (journey) => {
  journey('a coordinator submits Burkina Faso Customs’ 2024 report, and an administrator returns it with a comment', async (page) => {
    await signIn(page, demo.coordinator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
    // The coordinator keeps one programme: its framework opens at once.
    await page.getByRole('heading', { level: 1, name: 'Results: A-CIP' }).waitFor();
    await page.getByRole('link', { name: 'Reports of 2024' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reporting period 2024' }).waitFor();
    const burkina = page.getByRole('row', { name: /Burkina Faso Customs/ });
    await burkina.getByText('In progress').waitFor();
    // Coordinators submit; only administrators approve or return.
    expect(await burkina.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await burkina.getByRole('button', { name: 'Submit' }).click();
    await burkina.getByText('Submitted', { exact: true }).waitFor();
    await burkina.getByText(/^Submitted by Claire Coordinator \(A-CIP\), /).waitFor();
    const address = page.url();

    // An administrator sends it back, so the period opens again for the records of 2024.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, demo.administrator);
    await page.goto(address);
    await page.getByRole('heading', { level: 1, name: 'Reporting period 2024' }).waitFor();
    const again = page.getByRole('row', { name: /Burkina Faso Customs/ });
    await again.getByRole('button', { name: 'Return' }).click();
    await again.getByLabel('What to correct').fill('The figures by sex are missing for the Bobo-Dioulasso session.');
    await again.getByRole('button', { name: 'Return the report' }).click();
    await again.getByText('Returned', { exact: true }).waitFor();
    await again.getByText('The figures by sex are missing for the Bobo-Dioulasso session.').waitFor();
    await again.getByRole('button', { name: 'Submit' }).waitFor();
  });
});

/**
 * The donor report as Norad reads it, in English and French, on a laptop and on a phone: the screenshots go
 * to INTEGRITY_E2E_SHOTS (a directory) when it is set, to be looked at; the journey checks what they show.
 */
journeys('donor report pictures', (journey) => {
  journey('a donor reads suppressed cells and unapproved periods in English and French, on a laptop and a phone', async (page) => {
    const shots = process.env.INTEGRITY_E2E_SHOTS;
    await signIn(page, demo.donor);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: 'Progress report of A-CIP' }).click();
    await page.getByRole('table', { name: 'Figures of 2023' }).waitFor();
    for (const [language, unapproved] of [
      ['en', /^2024: not approved yet\./],
      ['fr', /^2024 : pas encore approuvé\./],
    ] as const) {
      if (language === 'fr') {
        await page.getByRole('button', { name: 'Français' }).click();
        await page.getByRole('table', { name: 'Chiffres de 2023' }).waitFor();
      }
      for (const [width, height] of [
        [1366, 768],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width, height });
        const notApproved = page.getByRole('region', { name: '2024' });
        await notApproved.getByText(unapproved).waitFor();
        const suppressed = page.locator('table.report-figures .suppressed').first();
        // A suppressed cell when the demo data has one, else the first period not approved.
        await ((await suppressed.count()) > 0 ? suppressed : notApproved).scrollIntoViewIfNeeded();
        if (shots) await page.screenshot({ path: `${shots}/donor-report-${language}-${width}x${height}.png` });
      }
    }
  });
});
