// `pnpm bench` (not part of `pnpm test`): makes a fresh clone ready — pnpm and the locked
// dependencies when they are missing, PostgreSQL started when it is local and stopped, the
// server built — then runs the benchmarks of benchmark.mjs. Plain Node until then.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, ensurePnpm, hasCommand, installDependencies, log, run } from '../../server/scripts/ensure-workspace.mjs';

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
  if (!fs.existsSync(path.join(ROOT, 'test', 'node_modules', 'pg'))) installDependencies(ensurePnpm());
  ensurePostgres();
  // The server and the packages the benchmarks import (@annex/domain, @annex/iso27001) run from their builds.
  log('building the server (tsc -b server)');
  run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', 'server']);
  const { runBenchmarks } = await import('./benchmark.mjs');
  await runBenchmarks();
} catch (error) {
  process.stderr.write(`\n${error.stack ?? error.message ?? error}\n`);
  process.exit(error.exitCode ?? 1);
}
