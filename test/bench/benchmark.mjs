// The benchmarks (issue 9), run by `pnpm bench` through test/bench/run.mjs (which builds the
// server first): creates a database of its own on the PostgreSQL of TEST_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432), applies the real migrations, writes the data set
// (dataset.mjs), starts Annex (one, then two replicas) and the hand-written baseline
// (baseline-server.mjs) as processes of their own, drives them from a load generator in another
// process (load.mjs), prints the table and writes every sample to test/bench/.results/latest.json.
// Knobs: BENCH_SEED, BENCH_ITERATIONS, BENCH_SUBSCRIBERS, BENCH_ROUNDS.
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { generateDataset, FULL_SCALE, SMALL_SCALE } from './dataset.mjs';
import { readClientOperations } from './client-operations.mjs';
import { AS_MEMBER, NOT_PAGES, variablesFor, withPageSize, withTypename } from './page-queries.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SETTINGS = {
  seed: Number(process.env.BENCH_SEED ?? 27001),
  warmup: 20,
  iterations: Number(process.env.BENCH_ITERATIONS ?? 200),
  subscribers: Number(process.env.BENCH_SUBSCRIBERS ?? 1000),
  rounds: Number(process.env.BENCH_ROUNDS ?? 30),
  deliveryWarmup: 3,
  /** `BENCH_ONLY=delivery` runs the delivery rows alone (a quick loop while working on them); nothing is written. */
  only: process.env.BENCH_ONLY ?? null,
};
/** Extra Node flags for the Annex processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/annex-prof` to profile them (`BENCH_KEEP_LOGS=1` keeps their logs). */
const ANNEX_NODE_ARGS = (process.env.BENCH_ANNEX_NODE_ARGS ?? '').split(' ').filter(Boolean);
const TARGETS = { pageP95Ratio: 3, deliveryP99Ms: 100, deliveryP95Ratio: 3, replicasRatio: 1.5 };
/**
 * Statements a page may differ by without growing with it: one is saved when a relation happens
 * to be empty on a page, or when a list already knows its total and skips the count. An N+1
 * between 20 and 100 rows shows as 80 more.
 */
const STATEMENT_TOLERANCE = 2;
const started = Date.now();
const loadAtStart = os.loadavg();
const log = (message) => process.stdout.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

// --- Statistics ----------------------------------------------------------------------------------

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const summary = (values) => ({ n: values.length, median: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: Math.max(...values) });
const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '—');

// --- Processes -----------------------------------------------------------------------------------

const children = new Set();

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function startProcess(name, args, env, logFile) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.benchName = name;
  return child;
}

async function waitFor(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.benchName} exited (${child.exitCode}); see its log`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.benchName} did not become ready at ${url}`);
}

async function stopProcess(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * One Annex process. Timed runs use NODE_ENV=production, as deployed (graphql-js, among others,
 * checks more in development); the statement counts need a development one, which answers with
 * the x-sql-statements header.
 */
async function startAnnex(name, databaseUrl, workDir, nodeEnv = 'production') {
  const port = await freePort();
  const child = startProcess(
    name,
    [...ANNEX_NODE_ARGS, 'server/dist/src/main.js'],
    {
      NODE_ENV: nodeEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '10',
      ANNEX_SEED: 'false',
      ANNEX_DATA_DIR: path.join(workDir, name, 'data'),
      LOG_LEVEL: 'warn',
      // One person makes every request of the run: the per-person rate limit would refuse them.
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    path.join(workDir, `${name}.log`),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`, child);
  return { name, url, child };
}

function loadGenerator(workDir) {
  const child = fork(path.join(HERE, 'load.mjs'), [], { cwd: ROOT, stdio: ['ignore', fs.openSync(path.join(workDir, 'load.log'), 'a'), fs.openSync(path.join(workDir, 'load.log'), 'a'), 'ipc'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.benchName = 'load generator';
  const ready = new Promise((resolve) => child.once('message', resolve));
  const ask = (task, options = {}) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`the load generator exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        if (message.error) reject(new Error(message.error));
        else resolve(message.result);
      });
      child.send({ task, ...options });
    });
  return { child, ready, ask };
}

// --- The run -------------------------------------------------------------------------------------

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'annex-bench-'));
  let succeeded = false;

  const dbName = databaseName;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const server = (await admin.query(`SELECT current_setting('server_version') AS v`)).rows[0].v;
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const databaseUrl = dbUrl.toString();
  let load = null;
  let replicas = [];
  let baseline = null;
  try {
    log(`database ${dbName}: applying the migrations`);
    const migrate = spawnSync(process.execPath, ['server/dist/scripts/migrate.js'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: 'inherit' });
    if (migrate.status !== 0) throw new Error('the migrations failed');

    log(`writing the data set (seed ${SETTINGS.seed})`);
    const generation = Date.now();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const manifest = await generateDataset(client, {
      seed: SETTINGS.seed,
      organizations: [
        { tag: 'large', name: 'Benchmark Logistics B.V.', scale: FULL_SCALE },
        { tag: 'small', name: 'Small Benchmark B.V.', scale: SMALL_SCALE },
      ],
    });
    await client.end();
    const generationSeconds = (Date.now() - generation) / 1000;
    log(`data set written in ${generationSeconds.toFixed(1)} s`);
    const [large, small] = manifest.organizations;
    const ownerOf = (org) => org.members.find((m) => m.role === 'OWNER');
    const memberOf = (org, id) => org.members.find((m) => m.id === id);

    const operations = readClientOperations(path.join(ROOT, 'client', 'src'));
    const op = (name) => {
      const found = operations.get(name);
      if (!found) throw new Error(`the client has no operation ${name}`);
      return { ...found, document: withTypename(found.document) };
    };

    replicas = [await startAnnex('annex-a', databaseUrl, workDir)];
    const baselinePort = await freePort();
    const baselineChild = startProcess('baseline', [path.join(HERE, 'baseline-server.mjs')], { DATABASE_URL: databaseUrl, PORT: String(baselinePort) }, path.join(workDir, 'baseline.log'));
    baseline = { url: `http://127.0.0.1:${baselinePort}`, child: baselineChild };
    await waitFor(`${baseline.url}/healthz`, baselineChild);
    load = loadGenerator(workDir);
    await load.ready;
    const [annexA] = replicas;

    // 1–2. Page queries against hand-written SQL.
    log(`page queries: ${SETTINGS.iterations} requests each after ${SETTINGS.warmup} to warm up, Annex and baseline alternately`);
    const plan = op('TreatmentPlan');
    const myWork = op('MyWork');
    const me = memberOf(large, large.samples.meId);
    const pages = SETTINGS.only === 'delivery' ? [] : await load.ask('pages', {
      annexUrl: annexA.url,
      baselineUrl: baseline.url,
      warmup: SETTINGS.warmup,
      iterations: SETTINGS.iterations,
      benchmarks: [
        {
          name: 'Risk register: 100 risks with owner, assets, controls, treatment tasks (TreatmentPlan)',
          token: ownerOf(large).token,
          operationName: 'TreatmentPlan',
          document: plan.document,
          variables: variablesFor(plan, large),
          baselinePath: `/risk-register?organizationId=${large.id}&first=100&treatment=MITIGATE,TRANSFER,AVOID`,
        },
        {
          name: `My work of one member, a ${me.role.toLowerCase().replace('_', ' ')} role (MyWork)`,
          token: me.token,
          operationName: 'MyWork',
          document: myWork.document,
          variables: variablesFor(myWork, large),
          baselinePath: `/my-work?organizationId=${large.id}`,
        },
      ],
    });

    // 5. SQL statements per request for every page query of the client.
    log('SQL statements per page query (small organisation; large organisation at 20 and 100 rows a page)');
    const runs = [];
    const skipped = [];
    for (const operation of [...operations.values()].filter((o) => SETTINGS.only !== 'delivery' && o.type === 'query' && !NOT_PAGES[o.name]).sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name))) {
      const document = withTypename(operation.document);
      for (const [label, org, size] of [
        ['small', small, null],
        ['large20', large, 20],
        ['large100', large, 100],
      ]) {
        const variables = variablesFor(operation, org);
        if (!variables) {
          if (label === 'small') skipped.push(operation.name);
          continue;
        }
        const token = AS_MEMBER.has(operation.name) ? memberOf(org, org.samples.meId).token : ownerOf(org).token;
        const sized = size === null ? { document, variables, sized: withPageSize(document, variables, 20).sized } : withPageSize(document, variables, size);
        if (!sized.sized && label === 'large20') continue;
        runs.push({ key: `${operation.name}|${label}`, token, operationName: operation.name, document: sized.document, variables: sized.variables, file: operation.file, sized: sized.sized });
      }
    }
    let counted = [];
    if (runs.length) {
      const counter = await startAnnex('annex-statements', databaseUrl, workDir, 'development');
      counted = await load.ask('statements', { annexUrl: counter.url, runs });
      await stopProcess(counter.child);
    }
    const byKey = new Map(counted.map((c) => [c.key, c]));
    const statementRows = [];
    for (const run of runs.filter((r) => r.key.endsWith('|small'))) {
      const get = (label) => byKey.get(`${run.operationName}|${label}`) ?? null;
      const [s, l20, l100] = [get('small'), get('large20'), get('large100')];
      // With a page size: 20 against 100 rows. Without: the small organisation against the large one.
      const [fewer, more] = run.sized ? [l20?.statements, l100?.statements] : [s?.statements, l100?.statements];
      statementRows.push({
        query: run.operationName,
        file: run.file,
        sized: run.sized,
        small: s?.statements ?? null,
        large20: l20?.statements ?? null,
        large100: l100?.statements ?? null,
        constant: Number.isFinite(fewer) && Number.isFinite(more) && more <= fewer + STATEMENT_TOLERANCE,
        equal: fewer === more,
        errors: [s, l20, l100].flatMap((c) => c?.errors ?? []).filter((e, i, all) => all.indexOf(e) === i),
      });
    }

    // 3. Delivery of one change to N subscribers, against a bare ws broadcast of the same payload.
    const subscription = op('OrganizationEvents');
    const updateTask = op('UpdateTask');
    const team = large.members.filter((m) => ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT'].includes(m.role));
    const subscriberSpecs = (urls) =>
      Array.from({ length: SETTINGS.subscribers }, (_, i) => ({
        kind: 'annex',
        url: `${urls[i % urls.length].replace(/^http/, 'ws')}/graphql`,
        token: team[i % team.length].token,
        operationName: 'OrganizationEvents',
        document: subscription.document,
        variables: { organizationId: large.id, after: null },
      }));
    const annexDelivery = (url) => ({
      mode: 'annex',
      rounds: SETTINGS.rounds,
      warmup: SETTINGS.deliveryWarmup,
      timeoutMs: 15_000,
      annex: { url, token: ownerOf(large).token, taskId: large.samples.quietTaskId, operationName: 'UpdateTask', document: updateTask.document },
    });
    log(`delivery: ${SETTINGS.subscribers} subscribers on one replica, ${SETTINGS.rounds} changes`);
    await load.ask('openSubscribers', { specs: subscriberSpecs([annexA.url]) });
    const oneReplica = await load.ask('delivery', annexDelivery(annexA.url));
    await load.ask('closeSubscribers');
    if (!oneReplica.sample) throw new Error('no subscriber received the change');
    const placeholder = '@@BENCH_MARKER@@';
    log(`delivery baseline: the same ${oneReplica.sampleBytes}-byte message to ${SETTINGS.subscribers} bare sockets`);
    await load.ask('openSubscribers', { specs: Array.from({ length: SETTINGS.subscribers }, () => ({ kind: 'bare', url: `${baseline.url.replace(/^http/, 'ws')}/ws` })) });
    const bare = await load.ask('delivery', {
      mode: 'bare',
      rounds: SETTINGS.rounds,
      warmup: SETTINGS.deliveryWarmup,
      timeoutMs: 15_000,
      baseline: { url: baseline.url, payload: oneReplica.sample.text.split(oneReplica.sample.marker).join(placeholder), placeholder },
    });
    await load.ask('closeSubscribers');

    // 4. The same delivery with the subscribers spread over two replicas (the change made on one).
    log(`delivery: ${SETTINGS.subscribers} subscribers over two replicas`);
    replicas.push(await startAnnex('annex-b', databaseUrl, workDir));
    await load.ask('openSubscribers', { specs: subscriberSpecs(replicas.map((r) => r.url)) });
    const twoReplicas = await load.ask('delivery', annexDelivery(annexA.url));
    await load.ask('closeSubscribers');

    // --- Report
    const pageRows = pages.map((p) => {
      const annex = summary(p.annexMs);
      const base = summary(p.baselineMs);
      return { name: p.name, annex, baseline: base, ratioMedian: annex.median / base.median, ratioP95: annex.p95 / base.p95, sqlStatements: statementRows.find((row) => row.query === p.operationName)?.large100 ?? null, bytes: { annex: p.annexBytes, baseline: p.baselineBytes }, sameData: p.sameData, mismatch: p.mismatch };
    });
    const deliveryOf = (d) => ({ latency: summary(d.latencies), completion: summary(d.completions), first: summary(d.firsts), request: summary(d.requestMs), missed: d.missed, subscribers: d.subscribers, messageBytes: d.sampleBytes });
    const delivery = { oneReplica: deliveryOf(oneReplica), bare: deliveryOf(bare), twoReplicas: deliveryOf(twoReplicas) };
    const results = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: server, platform: `${os.type()} ${os.release()}`, loadAverageAtStart: loadAtStart, loadAverage: os.loadavg() },
      settings: SETTINGS,
      dataset: { seed: SETTINGS.seed, large: FULL_SCALE, small: SMALL_SCALE, generationSeconds },
      pages: pageRows,
      delivery,
      statements: statementRows,
      skippedQueries: skipped,
      notPages: NOT_PAGES,
      statementTolerance: STATEMENT_TOLERANCE,
      targets: {
        pages: pageRows.map((p) => ({ name: p.name, ratioP95: p.ratioP95, met: p.ratioP95 <= TARGETS.pageP95Ratio })),
        deliveryP99: { value: delivery.oneReplica.latency.p99, met: delivery.oneReplica.latency.p99 < TARGETS.deliveryP99Ms },
        deliveryRatio: { value: delivery.oneReplica.latency.p95 / delivery.bare.latency.p95, met: delivery.oneReplica.latency.p95 / delivery.bare.latency.p95 <= TARGETS.deliveryP95Ratio },
        replicas: { value: delivery.twoReplicas.latency.p95 / delivery.oneReplica.latency.p95, met: delivery.twoReplicas.latency.p95 / delivery.oneReplica.latency.p95 <= TARGETS.replicasRatio },
        statements: { met: statementRows.every((r) => r.constant) },
      },
      durationSeconds: (Date.now() - started) / 1000,
      samples: { pages: pages.map((p) => ({ name: p.name, annexMs: p.annexMs, baselineMs: p.baselineMs })), delivery: { oneReplica: oneReplica.latencies, bare: bare.latencies, twoReplicas: twoReplicas.latencies } },
    };
    if (SETTINGS.only) {
      printReport(results);
      // Round by round (the last subscriber of each), to see whether a tail is one slow round or many.
      for (const [label, row] of [['one replica', oneReplica], ['two replicas', twoReplicas]]) process.stdout.write(`   rounds, ${label}: ${row.completions.map((c) => c.toFixed(0)).join(' ')}\n`);
      log('a partial run (BENCH_ONLY): nothing written');
      succeeded = true;
      return;
    }
    const outDir = path.join(HERE, '.results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(outDir, 'latest.md'), markdownReport(results));
    printReport(results);
    log(`results written to ${path.relative(ROOT, path.join(outDir, 'latest.json'))} (tables for docs/performance.md in latest.md)`);
    succeeded = true;
  } finally {
    if (load) {
      load.child.send({ task: 'exit' });
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 5000);
        load.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    for (const replica of replicas) await stopProcess(replica.child);
    if (baseline) await stopProcess(baseline.child);
    for (const child of children) await stopProcess(child);
    await dropDatabase();
    // The processes' logs are kept when something went wrong.
    if (succeeded && !process.env.BENCH_KEEP_LOGS) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`the logs of the processes are in ${workDir}`);
  }
}

const databaseName = `annex_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

async function dropDatabase() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.end();
}

/** The tables of docs/performance.md, from one run. */
function markdownReport(r) {
  const met = (ok) => (ok ? 'yes' : '**no**');
  const d = r.delivery;
  const lines = [
    `Run of ${r.at.slice(0, 16).replace('T', ' ')} UTC: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres.split(' ')[0]}, ${r.machine.platform}; load average (1, 5, 15 min) ${r.machine.loadAverageAtStart.map((l) => l.toFixed(1)).join(' / ')} at the start, ${r.machine.loadAverage.map((l) => l.toFixed(1)).join(' / ')} at the end; ${r.durationSeconds.toFixed(0)} s in all (data set written in ${r.dataset.generationSeconds.toFixed(1)} s).`,
    '',
    '| operation | Annex median / p95 | baseline median / p95 | ratio (p95) | target | met |',
    '|---|---|---|---|---|---|',
    ...r.pages.map((p) => `| ${p.name} | ${ms(p.annex.median)} / ${ms(p.annex.p95)} | ${ms(p.baseline.median)} / ${ms(p.baseline.p95)} | ${p.ratioP95.toFixed(2)}× | ≤ 3× at p95 | ${met(p.ratioP95 <= TARGETS.pageP95Ratio)} |`),
    `| A change delivered to ${d.oneReplica.subscribers} subscribers, one replica | ${ms(d.oneReplica.latency.median)} / ${ms(d.oneReplica.latency.p95)} (p99 ${ms(d.oneReplica.latency.p99)}) | bare \`ws\` broadcast: ${ms(d.bare.latency.median)} / ${ms(d.bare.latency.p95)} (p99 ${ms(d.bare.latency.p99)}) | ${r.targets.deliveryRatio.value.toFixed(2)}× | ≤ 3× at p95; p99 < 100 ms | ${met(r.targets.deliveryRatio.met)}; p99 ${met(r.targets.deliveryP99.met)} |`,
    `| The same, subscribers spread over two replicas | ${ms(d.twoReplicas.latency.median)} / ${ms(d.twoReplicas.latency.p95)} (p99 ${ms(d.twoReplicas.latency.p99)}) | one replica: ${ms(d.oneReplica.latency.p95)} at p95 | ${r.targets.replicas.value.toFixed(2)}× | ≤ 1.5× of one replica | ${met(r.targets.replicas.met)} |`,
    '',
    `${r.settings.iterations} timed requests per page after ${r.settings.warmup} to warm up; ${r.settings.rounds} changes (after ${r.settings.deliveryWarmup}) × ${d.oneReplica.subscribers} subscribers = ${d.oneReplica.latency.n} deliveries per delivery row. Round completion (the last subscriber served) median / p95: one replica ${ms(d.oneReplica.completion.median)} / ${ms(d.oneReplica.completion.p95)}, two replicas ${ms(d.twoReplicas.completion.median)} / ${ms(d.twoReplicas.completion.p95)}, bare ${ms(d.bare.completion.median)} / ${ms(d.bare.completion.p95)}. The mutation's own answer took ${ms(d.oneReplica.request.median)} (median). Answers: ${r.pages.map((p) => `${p.name.replace(/ \(.*$/, '')} ${Math.round(p.bytes.annex / 1024)} KiB (baseline ${Math.round(p.bytes.baseline / 1024)} KiB, ${p.sameData ? 'the same data' : `different: ${p.mismatch}`})`).join('; ')}; a delivery ${d.oneReplica.messageBytes} bytes.`,
    '',
    '| page query | file | small organisation | large, 20 rows | large, 100 rows | independent of the page |',
    '|---|---|---|---|---|---|',
    ...r.statements.map((s) => `| ${s.query} | \`${s.file.replace(/^client\/src\//, '')}\` | ${s.small ?? '—'} | ${s.sized ? (s.large20 ?? '—') : '—'} | ${s.large100 ?? '—'} | ${s.constant ? (s.equal ? 'yes' : 'yes (±1–2)') : '**no**'} |`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function printReport(r) {
  const line = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  const met = (ok) => (ok ? 'yes' : 'NO');
  process.stdout.write(`\nMachine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; load average ${r.machine.loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')} at the start, ${r.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')} at the end\n`);
  process.stdout.write(`Data set: seed ${r.dataset.seed}, ${r.dataset.large.members} members, ${r.dataset.large.risks} risks, ${r.dataset.large.tasks} tasks (written in ${r.dataset.generationSeconds.toFixed(1)} s)\n\n`);
  const widths = [44, 22, 22, 14, 8];
  process.stdout.write(`${line(['Operation', 'Annex median / p95', 'Baseline median / p95', 'Ratio (p95)', 'Target met'], widths)}\n`);
  for (const p of r.pages) {
    process.stdout.write(`${line([p.name.replace(/ \(.*$/, '').slice(0, 44), `${ms(p.annex.median)} / ${ms(p.annex.p95)}`, `${ms(p.baseline.median)} / ${ms(p.baseline.p95)}`, `${p.ratioP95.toFixed(2)}× (≤ 3×)`, met(p.ratioP95 <= TARGETS.pageP95Ratio)], widths)}\n`);
    if (!p.sameData) process.stdout.write(`   ! the baseline's answer differs: ${p.mismatch}\n`);
  }
  const d = r.delivery;
  process.stdout.write(
    `${line([`Change → ${d.oneReplica.subscribers} subscribers, one replica`, `${ms(d.oneReplica.latency.median)} / ${ms(d.oneReplica.latency.p95)}`, `${ms(d.bare.latency.median)} / ${ms(d.bare.latency.p95)}`, `${(d.oneReplica.latency.p95 / d.bare.latency.p95).toFixed(2)}× (≤ 3×)`, met(r.targets.deliveryRatio.met)], widths)}\n`,
  );
  process.stdout.write(`${line(['   p99 of the deliveries (target < 100 ms)', ms(d.oneReplica.latency.p99), ms(d.bare.latency.p99), '', met(r.targets.deliveryP99.met)], widths)}\n`);
  process.stdout.write(
    `${line([`Change → ${d.twoReplicas.subscribers} subscribers, two replicas`, `${ms(d.twoReplicas.latency.median)} / ${ms(d.twoReplicas.latency.p95)}`, `one replica: ${ms(d.oneReplica.latency.p95)}`, `${r.targets.replicas.value.toFixed(2)}× (≤ 1.5×)`, met(r.targets.replicas.met)], widths)}\n`,
  );
  for (const [label, row] of [['one replica', d.oneReplica], ['two replicas', d.twoReplicas], ['bare', d.bare]]) {
    process.stdout.write(`   ${label}: request answered ${ms(row.request.median)}, first subscriber ${ms(row.first.median)}, last ${ms(row.completion.median)} (medians)\n`);
  }
  if (d.oneReplica.missed || d.twoReplicas.missed || d.bare.missed) process.stdout.write(`   ! deliveries missed: one replica ${d.oneReplica.missed}, two ${d.twoReplicas.missed}, bare ${d.bare.missed}\n`);
  process.stdout.write(`\nSQL statements per request (small organisation / large at 20 rows / large at 100 rows):\n`);
  for (const s of r.statements) {
    const cells = [s.query.padEnd(26), String(s.small ?? '—').padStart(4), s.sized ? String(s.large20 ?? '—').padStart(4) : '   —', String(s.large100 ?? '—').padStart(4), s.constant ? (s.equal ? '' : '  (±, within tolerance)') : '  ← grows'];
    process.stdout.write(`  ${cells.join('  ')}${s.errors.length ? `  (errors: ${s.errors.join('; ').slice(0, 120)})` : ''}\n`);
  }
  if (r.skippedQueries.length) process.stdout.write(`  not counted (no variables known): ${r.skippedQueries.join(', ')}\n`);
  for (const [name, why] of Object.entries(r.notPages)) process.stdout.write(`  not a page: ${name}, ${why}\n`);
  process.stdout.write(`\nDone in ${r.durationSeconds.toFixed(0)} s.\n`);
}

/** Runs every benchmark; the processes it started and its database are gone when it settles. */
export async function runBenchmarks() {
  const interrupted = () => {
    process.stderr.write('\ninterrupted: stopping the servers and dropping the database\n');
    for (const child of children) child.kill('SIGTERM');
    dropDatabase().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    await main();
  } finally {
    process.off('SIGINT', interrupted);
  }
}
