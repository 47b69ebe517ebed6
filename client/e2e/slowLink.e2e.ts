import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { journeys } from './journey';

// Lighthouse's "slow 4G / fast 3G" link: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
const fast3g = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

journeys('slow link', (journey) => {
  journey('the sign-in screen arrives whole over a 3G-like link with an empty cache', async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', fast3g);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));

    const started = Date.now();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const milliseconds = Date.now() - started;

    expect(failed).toEqual([]);
    // Not a pass mark (speed is measured, not asserted): the figure goes to a file the README quotes.
    const results = resolve(import.meta.dirname, 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(
      resolve(results, 'first-screen.json'),
      JSON.stringify({ link: 'fast 3G (1.6 Mbit/s, 150 ms)', milliseconds, transferredBytes: bytes, measuredAt: new Date().toISOString() }, null, 2),
    );
    console.log(`first screen over fast 3G: ${milliseconds} ms, ${bytes} bytes on the wire`);
  });
});
