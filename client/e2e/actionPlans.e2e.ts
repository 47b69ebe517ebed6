import { expect } from 'vitest';
import { demo, journeys, signIn } from './journey';

journeys('action plans', (journey) => {
  journey('a coordinator opens the Burkina Faso plan, reports progress on an action and sees it as the latest update', async (page) => {
    await signIn(page, demo.coordinator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Action plans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Action plans' }).waitFor();
    await page.getByRole('table', { name: 'Integrity action plans' }).getByRole('link', { name: 'Integrity action plan 2024–2026' }).click();

    // The plan (demo data: in implementation), and its dashboard.
    await page.getByRole('heading', { level: 1, name: 'Integrity action plan 2024–2026' }).waitFor();
    expect(await page.locator('.facts').first().textContent()).toContain('In implementation');
    const dashboard = page.getByRole('region', { name: 'Dashboard' });
    await dashboard.getByText('Rate of implementation').waitFor();
    await dashboard.getByRole('figure').filter({ hasText: 'Actions by status' }).locator('canvas').waitFor();
    const overdue = dashboard.getByRole('table', { name: 'Overdue actions' });
    await overdue.getByRole('link', { name: 'Extend electronic payment of duties to every border office' }).waitFor();
    const factors = dashboard.getByRole('table', { name: 'Key factors of the Revised Arusha Declaration' });
    expect(await factors.getByRole('row').count()).toBe(11);
    await factors.getByRole('row', { name: /RAD-07 Code of Conduct Covered/ }).waitFor();
    await factors.getByRole('row', { name: /RAD-02 Regulatory Framework Not covered/ }).waitFor();

    // An action with no progress reported yet.
    await page
      .getByRole('table', { name: 'Actions of the plan, by due day' })
      .getByRole('link', { name: 'Integrity audit of the offices on the Ouagadougou–Lomé corridor' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Integrity audit of the offices on the Ouagadougou–Lomé corridor' }).waitFor();
    await page.getByText('No progress reported yet.').waitFor();

    const form = page.getByRole('form', { name: 'Report progress' });
    await form.getByLabel('Status').selectOption({ label: 'In progress' });
    await form.getByLabel('Percent done').fill('20');
    await form.getByLabel('What was done, what holds it up').fill('Audit team named; first two offices visited.');
    await form.getByLabel('Evidence link 1').fill('https://www.douanes.bf/audit-corridor-2026.pdf');
    await form.getByRole('button', { name: 'Record the update' }).click();

    await page.getByRole('status').filter({ hasText: 'Progress recorded.' }).waitFor();
    const latest = page.getByRole('table', { name: 'Progress updates, latest first' }).getByRole('row').nth(1);
    await latest.getByText('Audit team named; first two offices visited.').waitFor();
    expect(await latest.textContent()).toContain('Latest update');
    await latest.getByRole('link', { name: 'https://www.douanes.bf/audit-corridor-2026.pdf' }).waitFor();
    const facts = page.locator('.facts');
    await facts.getByText('20%').waitFor();
    expect(await facts.textContent()).toContain('In progress');
  });
});
