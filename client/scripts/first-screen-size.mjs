// Prints the JavaScript the first screen downloads: the scripts dist/index.html loads (its entry and
// modulepreload links), raw and gzipped at level 9, as a browser on a slow link would receive them.
// Run after `npm run build`: `npm run size`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = resolve(fileURLToPath(import.meta.url), '../../dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((match) => match[1]);
let raw = 0;
let gzipped = 0;
for (const script of scripts) {
  const bytes = readFileSync(join(dist, script));
  const size = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += size;
  console.log(`${script}: ${(bytes.length / 1024).toFixed(1)} KiB, ${(size / 1024).toFixed(1)} KiB gzipped`);
}
console.log(`first screen: ${scripts.length} scripts, ${(raw / 1024).toFixed(1)} KiB, ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
