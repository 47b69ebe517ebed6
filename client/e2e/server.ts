import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const client = resolve(import.meta.dirname, '..');
const repository = resolve(client, '..');
export const chromium = process.env.INTEGRITY_CHROMIUM ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Why the journeys cannot run here, or '' when they can. */
    unavailable: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

async function waitUntilHealthy(url: string, api: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`The API stopped (exit ${api.exitCode}) before answering:\n${log()}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`The API did not answer ${url}/health/ready within 150 s:\n${log()}`);
}

/**
 * Builds the client, starts the API on 127.0.0.1 with a throw-away SQLite database holding the
 * demo data, and stops it afterwards. Without Chromium the journeys are skipped, saying why.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(chromium)) {
    const reason = `end-to-end journeys skipped: no browser at ${chromium} (apt-get install chromium, or set INTEGRITY_CHROMIUM)`;
    console.warn(reason);
    project.provide('unavailable', reason);
    project.provide('baseUrl', '');
    return;
  }
  if (!process.env.INTEGRITY_E2E_NO_BUILD) await run('npx', ['vite', 'build', '--logLevel', 'warn'], client);

  const data = mkdtempSync(join(tmpdir(), 'integrity-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const api = spawn(
    'dotnet',
    [
      'run', '--project', join(repository, 'api'), '--no-launch-profile', '--',
      '--urls', baseUrl,
      '--ConnectionStrings:Integrity', `Data Source=${join(data, 'integrity.db')}`,
      '--Database:Provider', 'sqlite',
      '--Demo:Seed', 'true',
      '--Client:Path', join(client, 'dist'),
      // Every journey signs in from 127.0.0.1.
      '--RateLimits:SignInPerMinute', '1000',
    ],
    // Development: the session cookie travels over plain http on 127.0.0.1.
    { cwd: repository, env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  api.stdout?.on('data', keep);
  api.stderr?.on('data', keep);

  await waitUntilHealthy(baseUrl, api, () => output);
  project.provide('baseUrl', baseUrl);
  project.provide('unavailable', '');

  return async () => {
    api.kill('SIGTERM');
    await new Promise((done) => (api.exitCode !== null ? done(null) : api.once('exit', done)));
    rmSync(data, { recursive: true, force: true });
  };
}
