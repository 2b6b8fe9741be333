// The load generator: its own process (forked by run.mjs), so that making requests and
// receiving 1,000 WebSocket messages never shares a CPU queue with the server it measures.
// It answers one message per task over the IPC channel: { task, ...options } → { result }.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * One HTTP request over a kept-alive connection; resolves once the whole body has arrived. A
 * connection the server closed while it sat idle is retried once on a new one (Node's advice
 * for `reusedSocket`): the request never reached the server.
 */
function request(url, options = {}, retried = false) {
  return send(url, options).catch((error) => {
    if (!retried && error.reusedSocket && error.code === 'ECONNRESET') return request(url, options, true);
    throw error;
  });
}

function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } : headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    if (body) req.write(body);
    req.end();
  });
}

const cookie = (token) => ({ cookie: `annex_session=${token}` });

async function graphql(url, token, operationName, document, variables) {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: cookie(token), body: JSON.stringify({ operationName, query: document, variables }) });
  return { ...response, json: JSON.parse(response.body) };
}

/** Arrays compared as multisets (an order that SQL leaves open must not count as a difference). */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/** The first path where two answers differ (for the report), or null when they hold the same data. */
function difference(a, b, path = 'data') {
  if (canonical(a) === canonical(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = difference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i += 1) {
      const found = difference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 160)} ≠ ${JSON.stringify(b)?.slice(0, 160)}`;
}

/**
 * Annex and its baseline side by side: each iteration times one Annex request and one baseline
 * request, alternately, so that whatever else the machine does weighs on both alike.
 */
async function pages({ annexUrl, baselineUrl, benchmarks, warmup, iterations }) {
  const results = [];
  for (const bench of benchmarks) {
    const annex = () => graphql(annexUrl, bench.token, bench.operationName, bench.document, bench.variables);
    const baseline = () => request(`${baselineUrl}${bench.baselinePath}`, { headers: cookie(bench.token) });
    const first = await annex();
    const base = await baseline();
    if (first.json.errors?.length) throw new Error(`${bench.name}: ${JSON.stringify(first.json.errors).slice(0, 500)}`);
    if (base.status !== 200) throw new Error(`${bench.name} baseline: ${base.status} ${base.body.slice(0, 300)}`);
    const mismatch = difference(first.json.data, JSON.parse(base.body).data);
    for (let i = 0; i < warmup; i += 1) {
      await annex();
      await baseline();
    }
    const annexMs = [];
    const baselineMs = [];
    for (let i = 0; i < iterations; i += 1) {
      const order = i % 2 === 0 ? [annex, baseline] : [baseline, annex];
      for (const run of order) {
        const started = performance.now();
        const response = await run();
        const elapsed = performance.now() - started;
        if (response.status !== 200) throw new Error(`${bench.name}: HTTP ${response.status} ${response.body.slice(0, 200)}`);
        (run === annex ? annexMs : baselineMs).push(elapsed);
      }
    }
    results.push({
      name: bench.name,
      operationName: bench.operationName,
      annexMs,
      baselineMs,
      annexBytes: Buffer.byteLength(first.body),
      baselineBytes: Buffer.byteLength(base.body),
      sameData: mismatch === null,
      mismatch,
    });
  }
  return results;
}

/** SQL statements of one request (the server's x-sql-statements header), after a warming request. */
async function statements({ annexUrl, runs }) {
  const out = [];
  for (const run of runs) {
    try {
      await graphql(annexUrl, run.token, run.operationName, run.document, run.variables);
      const response = await graphql(annexUrl, run.token, run.operationName, run.document, run.variables);
      const errors = response.json.errors?.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim());
      out.push({ key: run.key, statements: Number(response.headers['x-sql-statements']), errors: errors?.length ? errors : null });
    } catch (error) {
      out.push({ key: run.key, statements: null, errors: [String(error.message ?? error)] });
    }
  }
  return out;
}

// --- Live delivery -----------------------------------------------------------------------------

/** Open sockets (graphql-transport-ws to Annex, or bare to the baseline) and their arrivals. */
let subscribers = [];

function openSubscriber(spec, index) {
  return new Promise((resolve, reject) => {
    const state = { socket: null, marker: null, arrivedAt: null, last: null };
    const protocol = spec.kind === 'annex' ? 'graphql-transport-ws' : undefined;
    const socket = new WebSocket(spec.url, protocol, { headers: spec.token ? cookie(spec.token) : {}, perMessageDeflate: false });
    state.socket = socket;
    const timer = setTimeout(() => reject(new Error(`subscriber ${index} did not open`)), 30_000);
    socket.on('message', (data) => {
      const now = performance.now();
      if (state.marker !== null && state.arrivedAt === null) {
        const text = data.toString();
        if (text.includes(state.marker)) {
          state.arrivedAt = now;
          state.last = text;
        }
        return;
      }
      if (spec.kind !== 'annex') return;
      const message = JSON.parse(data.toString());
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { operationName: spec.operationName, query: spec.document, variables: spec.variables } }));
        clearTimeout(timer);
        resolve(state);
      } else if (message.type === 'error') {
        reject(new Error(`subscription refused: ${JSON.stringify(message.payload)}`));
      }
    });
    socket.on('open', () => {
      if (spec.kind === 'annex') socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      else {
        clearTimeout(timer);
        resolve(state);
      }
    });
    socket.on('error', (error) => reject(error));
  });
}

async function openSubscribers({ specs }) {
  for (let i = 0; i < specs.length; i += 50) {
    subscribers.push(...(await Promise.all(specs.slice(i, i + 50).map((spec, j) => openSubscriber(spec, i + j)))));
  }
  return { open: subscribers.length };
}

async function closeSubscribers() {
  await Promise.all(
    subscribers.map(
      (s) =>
        new Promise((resolve) => {
          if (s.socket.readyState === WebSocket.CLOSED) return resolve();
          s.socket.once('close', resolve);
          s.socket.close();
          setTimeout(resolve, 2000);
        }),
    ),
  );
  subscribers = [];
  return { open: 0 };
}

/**
 * Rounds of one change each: a title update through Annex's API (or a POST of the same payload
 * to the bare broadcaster), timed from the moment the request leaves to the moment each
 * subscriber holds the message that carries this round's marker.
 */
async function delivery({ mode, rounds, warmup, timeoutMs, annex, baseline }) {
  const latencies = [];
  const completions = [];
  const firsts = [];
  const requestMs = [];
  let version = null;
  let sample = null;
  let missed = 0;
  const runId = Math.random().toString(36).slice(2, 8);
  for (let round = 0; round < warmup + rounds; round += 1) {
    const marker = `Bench delivery ${runId}-${round}`;
    for (const s of subscribers) {
      s.marker = marker;
      s.arrivedAt = null;
    }
    const started = performance.now();
    if (mode === 'annex') {
      if (version === null) {
        const current = await graphql(annex.url, annex.token, 'BenchTaskVersion', `query BenchTaskVersion($id: ID!) { node(id: $id) { ... on Task { version } } }`, { id: annex.taskId });
        version = current.json.data.node.version;
      }
      const response = await graphql(annex.url, annex.token, annex.operationName, annex.document, { input: { id: annex.taskId, version, title: marker } });
      if (response.json.errors?.length) throw new Error(`mutation failed: ${JSON.stringify(response.json.errors)}`);
      version = response.json.data.updateTask.task.version;
    } else {
      await request(`${baseline.url}/broadcast`, { method: 'POST', body: baseline.payload.split(baseline.placeholder).join(marker) });
    }
    requestMs.push(performance.now() - started);
    const deadline = started + timeoutMs;
    while (subscribers.some((s) => s.arrivedAt === null) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    const arrived = subscribers.filter((s) => s.arrivedAt !== null);
    missed += subscribers.length - arrived.length;
    if (round >= warmup) {
      for (const s of arrived) latencies.push(s.arrivedAt - started);
      completions.push(Math.max(...arrived.map((s) => s.arrivedAt - started)));
      firsts.push(Math.min(...arrived.map((s) => s.arrivedAt - started)));
    }
    sample ??= arrived[0] ? { text: arrived[0].last, marker } : null;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const s of subscribers) s.marker = null;
  return { latencies, completions, firsts, requestMs: requestMs.slice(warmup), missed, subscribers: subscribers.length, sample, sampleBytes: sample ? Buffer.byteLength(sample.text) : 0 };
}

const TASKS = { pages, statements, openSubscribers, closeSubscribers, delivery };

process.on('message', async (message) => {
  if (message.task === 'exit') {
    await closeSubscribers();
    process.exit(0);
  }
  try {
    process.send({ result: await TASKS[message.task](message) });
  } catch (error) {
    process.send({ error: String(error.stack ?? error) });
  }
});
process.send({ ready: true });
