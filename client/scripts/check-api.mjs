// Fails when src/api/schema.d.ts no longer matches openapi.json, so a changed API contract
// cannot slip past the client's type check. Uses the same CLI as `npm run generate:api`
// so the two outputs are byte-for-byte comparable.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src/api/schema.d.ts');
const fix = 'run npm run generate:api (in client/) and commit the result';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js');

const dir = mkdtempSync(join(tmpdir(), 'integrity-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(process.execPath, [cli, 'openapi.json', '-o', fresh], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

  if (!existsSync(committed)) {
    console.error(`client/src/api/schema.d.ts is missing: ${fix}.`);
    process.exit(1);
  }
  // Compare ignoring line-ending differences (a Windows checkout may convert them).
  const normalise = (text) => text.replace(/\r\n/g, '\n');
  if (normalise(readFileSync(fresh, 'utf8')) !== normalise(readFileSync(committed, 'utf8'))) {
    console.error(`client/src/api/schema.d.ts is out of date: ${fix}.`);
    process.exit(1);
  }
  console.log('client/src/api/schema.d.ts matches client/openapi.json.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
