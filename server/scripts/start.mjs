// `npm start` (or `pnpm start`): installs what is missing, builds, migrates and starts Annex at
// http://localhost:4000 on the embedded database (or DATABASE_URL), with the example data.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensurePnpm, installDependencies, log, pnpmRun } from './ensure-workspace.mjs';

try {
  const pnpm = ensurePnpm();
  installDependencies(pnpm);
  log('building (packages, server, client)');
  pnpmRun(pnpm, ['run', 'build']);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(error.exitCode ?? 1);
}

log('starting Annex (migrations run at start-up)');
const child = spawn(process.execPath, [path.join(ROOT, 'server', 'dist', 'src', 'main.js')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', LOG_PRETTY: process.stdout.isTTY ? 'true' : 'false', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
