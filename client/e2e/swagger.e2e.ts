import { request } from 'playwright-core';
import { expect, inject } from 'vitest';
import { demo, journeys } from './journey';

type Listed = { items: { id: string; code: string }[] };

/**
 * What a donor's analyst is given: an API token for Norad, issued by the demo administrator through the API (as the
 * README's curl does), outside the browser that then uses it; and the id of A-CIP, which Norad funds.
 */
async function noradToken(): Promise<{ token: string; acip: string }> {
  const administrator = await request.newContext({ baseURL: inject('baseUrl') });
  try {
    expect((await administrator.post('/api/v1/auth/sign-in', { data: { email: demo.administrator, password: 'integrity-demo' } })).status()).toBe(200);
    const byCode = async (path: string, code: string) => {
      const found = ((await (await administrator.get(path)).json()) as Listed).items.find((item) => item.code === code);
      if (!found) throw new Error(`no ${code} in ${path}`);
      return found.id;
    };
    const expiresOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const issued = await administrator.post('/api/v1/api-tokens', {
      data: { donorId: await byCode('/api/v1/donors', 'NORAD'), name: `Swagger UI ${Date.now()}`, expiresOn },
    });
    expect(issued.status(), await issued.text()).toBe(201);
    return { token: ((await issued.json()) as { token: string }).token, acip: await byCode('/api/v1/programmes', 'A-CIP') };
  } finally {
    await administrator.dispose();
  }
}

journeys('API explorer', (journey) => {
  journey('a donor’s analyst authorizes Swagger UI with a Norad API token and tries the A-CIP progress report', async (page) => {
    const { token, acip } = await noradToken();
    // A browser that has never signed in: only the token can let the call in.
    await page.goto('/swagger');
    await page.getByRole('heading', { name: /Integrity API/ }).waitFor();

    await page.locator('.auth-wrapper').getByRole('button', { name: 'Authorize' }).click();
    // Swagger UI's dialog has no dialog role: it is found by its class.
    const dialog = page.locator('.modal-ux');
    const apiToken = dialog.locator('.auth-container').filter({ has: page.locator('h4', { hasText: 'apiToken' }) });
    await apiToken.getByText('Paste the token alone').waitFor();
    await apiToken.getByRole('textbox').fill(token);
    await apiToken.getByRole('button', { name: 'Apply credentials' }).click();
    await apiToken.getByText('Authorized').waitFor();
    await apiToken.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const report = page.locator('#operations-Reports-GetProgressReport');
    await report.locator('.opblock-summary-control').click();
    await report.getByRole('button', { name: 'Try it out' }).click();
    await report.locator('tr[data-param-name="id"] input').fill(acip);
    await report.getByRole('button', { name: 'Execute' }).click();

    // The server's answer, below the header row of the "Server response" table.
    const live = report.locator('.live-responses-table tr.response');
    await live.waitFor();
    expect((await live.locator('.response-col_status').textContent())?.trim()).toBe('200');
    // The call went with the token, as the request Swagger UI shows says.
    expect(await report.locator('.curl-command').textContent()).toContain(`Authorization: Bearer ${token}`);
    expect(await live.locator('.response-col_description').textContent()).toContain('A-CIP');
  });
});
