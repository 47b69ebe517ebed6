// Draws the app's PNG icons from public/icon.svg with the Chromium the journeys use, so no image library is
// installed for it. Run after changing the SVG, and commit the PNGs: `npm run icons`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const publicFolder = resolve(fileURLToPath(import.meta.url), '../../public');
const svg = readFileSync(resolve(publicFolder, 'icon.svg'), 'utf8');
// The SVG fills its square to the edges with its drawing in the middle 80%, so icon-512 is the maskable icon too.
const icons = [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['apple-touch-icon.png', 180],
];

const browser = await chromium.launch({ executablePath: process.env.INTEGRITY_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [file, size] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: resolve(publicFolder, file), omitBackground: false });
    await page.close();
    console.log(`public/${file}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
