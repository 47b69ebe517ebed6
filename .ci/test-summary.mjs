// Prints what `./integrity test` ran: .NET tests per database, the client's unit tests and its
// end-to-end journeys, then one closing line "N passed, N failed" over all of them.
import { existsSync, readFileSync } from 'node:fs';

const [trxPath, clientPath, journeysPath] = process.argv.slice(2);
let passed = 0;
let failed = 0;

if (existsSync(trxPath)) {
  const trx = readFileSync(trxPath, 'utf8');
  // A test's database is the argument of its fixture (DonorsTests("postgres")) or of its case.
  const databaseOf = {};
  for (const [, id, body] of trx.matchAll(/<UnitTest name="[^"]*"[^>]*id="([^"]+)">([\s\S]*?)<\/UnitTest>/g)) {
    const names = body.match(/className="([^"]*)" name="([^"]*)"/);
    databaseOf[id] = (names?.[1] + ' ' + names?.[2]).match(/\(&quot;(sqlite|postgres)&quot;\)/)?.[1] ?? 'any';
  }
  const byDatabase = {};
  for (const [, id, outcome] of trx.matchAll(/<UnitTestResult [^>]*testId="([^"]+)"[^>]*outcome="([^"]*)"/g)) {
    const database = databaseOf[id] ?? 'any';
    byDatabase[database] ??= { passed: 0, failed: 0, other: 0 };
    const bucket = outcome === 'Passed' ? 'passed' : outcome === 'Failed' ? 'failed' : 'other';
    byDatabase[database][bucket] += 1;
  }
  if (!byDatabase.postgres) {
    console.log('PostgreSQL NOT covered: set INTEGRITY_TEST_POSTGRES to a server connection string (eval "$(.ci/postgres)" starts one).');
  }
  for (const [database, counts] of Object.entries(byDatabase)) {
    const label = database === 'any' ? 'not database-specific' : `on ${database}`;
    console.log(`.NET tests ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.other} not run`);
    passed += counts.passed;
    failed += counts.failed;
  }
} else {
  console.log('.NET tests: no results (the build failed?)');
  failed += 1;
}

/** Counts from a Vitest JSON report; a missing report is a failure (what ran before it failed). */
function vitest(label, path, missing) {
  if (!existsSync(path)) {
    console.log(`${label}: no results (${missing})`);
    failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} SKIPPED` : ''}`);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}

vitest('client tests', clientPath, 'type check or contract check failed?');
vitest('end-to-end journeys (Chromium)', journeysPath, 'the client build or the API start failed?');

console.log(`integrity: ${passed} passed, ${failed} failed`);
