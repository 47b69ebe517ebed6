// A closed-loop load client for bench/resilience: CONNECTIONS workers send a mix of reads and creates for DURATION seconds,
// creates with a fresh Idempotency-Key each, retried with the same key after a 503's Retry-After, so that every
// create the API acknowledges (201 and its id) can be looked up in the database afterwards. A prober asks
// /health, /health/ready and one API read every 100 ms, apart from the workers (which back off on a 503). Writes a JSON summary to OUT and the acknowledged ids to OUT.ids.
//   BASE=http://127.0.0.1:5392 COOKIE=… ADMINISTRATION=<id> MARKER=zzb1 DURATION=60 CONNECTIONS=64 OUT=run.json node bench/resilience-load.mjs
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const base = new URL(process.env.BASE);
const seconds = Number(process.env.DURATION ?? 60);
const connections = Number(process.env.CONNECTIONS ?? 64);
const marker = process.env.MARKER;
const out = process.env.OUT;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections + 2 });
const started = Date.now();
const deadline = started + seconds * 1000;

const latencies = [];
const statuses = {};            // operation → status → count
const unexpected = [];          // the first answers no client should get
const outageAnswers = { total: 0, problemWithRetryAfter: 0 };
const acknowledged = { donors: [], participants: [] };
const probes = [];              // [ms since start, /health, /health/ready and API read statuses]
const samples = [];             // [ms since start, operation, status], for the timeline around an outage
let knownDonors = [];

function send(method, path, body, headers = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request({
      agent, host: base.hostname, port: base.port, method, path, timeout: 10_000,
      headers: { cookie: process.env.COOKIE, accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString() }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout after 10 s')));
    request.on('error', (error) => resolve({ status: 0, headers: {}, text: String(error.message) }));
    request.end(payload);
  });
}

function count(operation, status) {
  statuses[operation] ??= {};
  statuses[operation][status] = (statuses[operation][status] ?? 0) + 1;
}

async function timed(operation, method, path, body, headers) {
  const begin = performance.now();
  const answer = await send(method, path, body, headers);
  latencies.push(performance.now() - begin);
  count(operation, answer.status);
  samples.push([Date.now() - started, operation, answer.status]);
  if (answer.status === 503) {
    outageAnswers.total++;
    const problem = answer.headers['content-type']?.startsWith('application/problem+json') && /"title"/.test(answer.text);
    if (problem && Number(answer.headers['retry-after']) > 0) outageAnswers.problemWithRetryAfter++;
    else if (unexpected.length < 20) unexpected.push({ operation, status: 503, note: 'no problem or Retry-After', text: answer.text.slice(0, 200) });
  } else if (![200, 201].includes(answer.status) && unexpected.length < 20) {
    unexpected.push({ operation, status: answer.status, text: answer.text.slice(0, 300) });
  }
  return answer;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A create: the same key and body until it is acknowledged, refused for good, or six attempts have failed. */
async function create(operation, path, body, ids) {
  const key = randomUUID();
  for (let attempt = 0; attempt < 6; attempt++) {
    const answer = await timed(operation, 'POST', path, body, { 'idempotency-key': key });
    if (answer.status === 201) {
      const id = JSON.parse(answer.text).id;
      ids.push(id);
      return id;
    }
    // Honour the 503's Retry-After (capped, so a run stays bounded); a 409 is a write conflict that changed nothing.
    if (answer.status === 503) await sleep(Math.min(Number(answer.headers['retry-after'] ?? 1), 5) * 1000);
    else if (answer.status === 409 || answer.status === 0) await sleep(500);
    else return undefined;
  }
  return undefined;
}

let sequence = 0;
async function worker() {
  while (Date.now() < deadline) {
    const dice = Math.random();
    const n = sequence++;
    if (dice < 0.45) {
      await timed('list donors', 'GET', '/api/v1/donors?limit=20');
    } else if (dice < 0.65 && knownDonors.length > 0) {
      await timed('get donor', 'GET', `/api/v1/donors/${knownDonors[Math.floor(Math.random() * knownDonors.length)]}`);
    } else if (dice < 0.70) {
      await timed('key factors', 'GET', '/api/v1/key-factors');
    } else if (dice < 0.85) {
      const id = await create('create donor', '/api/v1/donors', { code: `${marker}-${n}`.toUpperCase(), name: `Bench donor ${marker} ${n}` }, acknowledged.donors);
      if (id && knownDonors.length < 1000) knownDonors.push(id);
    } else {
      await create('register participant', '/api/v1/participants', {
        familyName: 'Ouédraogo', givenNames: `Aminata ${marker} ${n}`, sex: 'female', administrationId: process.env.ADMINISTRATION,
        service: 'operational', staffNumber: `${marker}-${n}`, confirmNewPerson: true,
      }, acknowledged.participants);
    }
  }
}

async function prober() {
  while (Date.now() < deadline) {
    const [live, ready, read] = await Promise.all([send('GET', '/health'), send('GET', '/health/ready'), send('GET', '/api/v1/donors?limit=1')]);
    probes.push([Date.now() - started, live.status, ready.status, read.status]);
    await sleep(100);
  }
}

function percentile(sorted, p) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

await Promise.all([...Array.from({ length: connections }, worker), prober()]);
const elapsed = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const summary = {
  startedAt: started, seconds: elapsed, connections, requests: latencies.length,
  requestsPerSecond: latencies.length / elapsed,
  latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
  statuses, unexpected, outageAnswers,
  acknowledged: { donors: acknowledged.donors.length, participants: acknowledged.participants.length },
  probes, samples: process.env.TIMELINE ? samples : undefined,
};
writeFileSync(out, JSON.stringify(summary));
writeFileSync(`${out}.ids`, [...acknowledged.donors.map((id) => `donors ${id}`), ...acknowledged.participants.map((id) => `participants ${id}`)].join('\n') + '\n');
agent.destroy();
