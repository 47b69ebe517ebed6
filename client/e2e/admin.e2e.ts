import { expect } from 'vitest';
import { demo, journeys, signIn } from './journey';

journeys('administration', (journey) => {
  journey('an administrator adds a coordinator for A-CIP, issues a Norad token seen once, revokes it; the coordinator signs in', async (page) => {
    const email = `awa.${Date.now()}@douanes.demo`;
    const password = 'a-coordinator-password';
    await signIn(page, demo.administrator);

    // Add the coordinator account, scoped to A-CIP.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'Add a user' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a user' }).waitFor();
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Display name', { exact: true }).fill('Awa Coordinator (A-CIP)');
    await page.getByLabel('Role', { exact: true }).selectOption('coordinator');
    await page.getByRole('checkbox', { name: /^A-CIP — / }).check();
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Save' }).click();
    const accounts = page.getByRole('table', { name: 'Accounts' });
    const row = accounts.getByRole('row', { name: /Awa Coordinator \(A-CIP\)/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('A-CIP');

    // Issue a token for Norad: the secret is shown this once.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Donor API tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Donor API tokens' }).waitFor();
    await page.getByLabel('Donor', { exact: true }).selectOption({ label: 'Norwegian Agency for Development Cooperation (Norad)' });
    const tokenName = `Norad dashboard ${Date.now()}`;
    await page.getByLabel('What it is for', { exact: true }).fill(tokenName);
    await page.getByRole('button', { name: 'Issue the token' }).click();
    const secret = await page.getByLabel('API token', { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByText('This is the only time the token is shown').waitFor();
    // The token works: a donor's read-only access to the programmes Norad funds.
    const before = await page.request.get('/api/v1/programmes', { headers: { Authorization: `Bearer ${secret}` } });
    expect(before.status()).toBe(200);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('button', { name: 'Issue the token' }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(secret);
    await page.reload();
    await page.getByRole('table', { name: 'API tokens' }).getByText(tokenName).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(secret);

    // Revoke it: it stops working at once.
    await page.getByRole('button', { name: `Revoke ${tokenName}` }).click();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByRole('row', { name: new RegExp(tokenName) }).getByText(/^Revoked /).waitFor();
    const after = await page.request.get('/api/v1/programmes', { headers: { Authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(401);

    // The new coordinator signs in with the password set for them, and sees A-CIP.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, email, password);
    expect(await page.getByRole('banner').textContent()).toContain('Awa Coordinator (A-CIP)');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programmes' }).click();
    await page.getByRole('table', { name: 'Anti-corruption programmes' }).getByText('A-CIP', { exact: true }).waitFor();
  });
});
