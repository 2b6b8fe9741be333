// `npm test` (or `pnpm test`), also what CI runs: installs what is missing (pnpm, dependencies,
// Debian's chromium for the browser tests), builds, then lint, typecheck and every test
// (unit, API on a real PostgreSQL, embedded PGlite, end-to-end in headless Chromium).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, ensurePnpm, hasCommand, installDependencies, log, pnpmRun, run } from '../server/scripts/ensure-workspace.mjs';

const started = Date.now();
const step = (name, fn) => {
  const t = Date.now();
  log(`${name}…`);
  fn();
  log(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

function ensureChromium() {
  if (process.env.CHROMIUM_PATH || fs.existsSync('/usr/bin/chromium')) return;
  if (!hasCommand('apt-get')) throw new Error('Chromium is missing and apt-get is not available: install Chromium and set CHROMIUM_PATH.');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  log('installing Debian chromium for the browser tests (apt-get install chromium)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const cmd = (args) => (sudo.length ? run('sudo', args, { env }) : run(args[0], args.slice(1), { env }));
  cmd(['apt-get', 'update', '-qq']);
  cmd(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']);
}

function ensurePostgres() {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { hostname, port } = new URL(url);
  const ready = () => spawnSync('pg_isready', ['-h', hostname, '-p', port || '5432'], { stdio: 'ignore' }).status === 0;
  if (!hasCommand('pg_isready') || ready()) return;
  if (hasCommand('pg_ctlcluster') && fs.existsSync('/etc/postgresql')) {
    for (const version of fs.readdirSync('/etc/postgresql')) {
      log(`starting PostgreSQL ${version}`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    }
  }
  if (!ready()) throw new Error(`PostgreSQL is not reachable at ${hostname}:${port || 5432} (set TEST_DATABASE_URL).`);
}

try {
  const pnpm = ensurePnpm();
  step('install', () => installDependencies(pnpm));
  step('chromium', ensureChromium);
  step('postgres', ensurePostgres);
  step('build', () => pnpmRun(pnpm, ['run', 'build']));
  step('lint', () => pnpmRun(pnpm, ['run', 'lint']));
  step('typecheck', () => pnpmRun(pnpm, ['run', 'typecheck']));
  const report = path.join(ROOT, 'test', '.artifacts', 'vitest.json');
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  let failure = null;
  try {
    step('tests', () =>
      pnpmRun(pnpm, ['--filter', '@annex/test', 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]),
    );
  } catch (error) {
    failure = error;
  }
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, 'utf8'));
    const skipped = result.numPendingTests + result.numTodoTests;
    process.stdout.write(`\nTests: ${result.numPassedTests} passed, ${result.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
  if (failure) throw failure;
  log(`all green in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  process.stderr.write(`\n${error.message}\n`);
  process.exit(error.exitCode ?? 1);
}
