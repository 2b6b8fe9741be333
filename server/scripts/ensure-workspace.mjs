// Shared by `npm start` and `npm test`: makes a fresh clone runnable. Plain Node (no dependencies),
// because it runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PNPM_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];

export function log(message) {
  process.stdout.write(`\u001b[36m[annex]\u001b[0m ${message}\n`);
}

function works(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Returns the command line that runs pnpm, installing pnpm first when it is missing. */
export function ensurePnpm() {
  const version = works('pnpm', ['--version']);
  if (version && version.split('.')[0] === PNPM_VERSION.split('.')[0]) return ['pnpm'];
  log(`installing pnpm ${PNPM_VERSION} (npm install -g pnpm@${PNPM_VERSION})`);
  const global = spawnSync('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`], { stdio: 'inherit' });
  if (global.status === 0 && works('pnpm', ['--version'])) return ['pnpm'];
  log('global install not possible; running pnpm through npx');
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.status !== 0) {
    const error = new Error(`${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

/** Installs the workspace's dependencies exactly as locked. */
export function installDependencies(pnpm) {
  log('installing dependencies (pnpm install --frozen-lockfile)');
  run(pnpm[0], [...pnpm.slice(1), 'install', '--frozen-lockfile', '--prefer-offline']);
}

export function pnpmRun(pnpm, args, options) {
  run(pnpm[0], [...pnpm.slice(1), ...args], options);
}

export function hasCommand(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
