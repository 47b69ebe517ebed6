import { expect } from 'vitest';
import { demo, journeys, signIn } from './journey';

journeys('language', (journey) => {
  journey('a coordinator switches to French, and the choice survives a reload', async (page) => {
    await signIn(page, demo.coordinator);
    await page.getByRole('button', { name: 'Français' }).click();

    await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Accueil' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

    await page.reload();
    await page.getByRole('link', { name: 'Programmes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
    // Dates follow the language: French month names in the programme periods.
    await page.getByRole('table', { name: 'Programmes de lutte contre la corruption' }).waitFor();
    const period = await page.locator('tbody td.nowrap').first().textContent();
    expect(period).toMatch(/\d{4} – \d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}/);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('table', { name: 'Anti-corruption programmes' }).waitFor();
  });
});
