// `pnpm dev`: the server with reload on change (tsx watch) and the Vite dev server with hot
// reload on :5173, proxying /graphql (HTTP and WebSocket) to the server on :4000.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, log } from './ensure-workspace.mjs';

const env = {
  NODE_ENV: 'development',
  LOG_PRETTY: 'true',
  ALLOWED_ORIGINS: 'http://localhost:5173',
  ANNEX_DATA_DIR: path.join(ROOT, '.annex', 'data'),
  ...process.env,
};
const children = [
  spawn('pnpm', ['--filter', '@annex/server', 'exec', 'tsx', 'watch', '--clear-screen=false', 'src/main.ts'], { cwd: ROOT, env, stdio: 'inherit' }),
  spawn('pnpm', ['--filter', '@annex/client', 'run', 'dev'], { cwd: ROOT, env, stdio: 'inherit' }),
];
log(`server on http://localhost:${env.PORT ?? 4000}, web client with hot reload on http://localhost:5173 (data in ${path.join(ROOT, '.annex', 'data')})`);
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
