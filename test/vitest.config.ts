import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
// One copy of graphql for everything (type-graphql, Apollo and the tests), or schema
// objects from "another module or realm" are refused.
const graphqlPath = path.dirname(require.resolve('graphql/package.json'));

const shared = {
  test: { setupFiles: [path.join(root, 'test', 'support', 'setup.ts')] },
  resolve: {
    conditions: ['annex-source'],
    alias: [{ find: /^graphql$/, replacement: path.join(graphqlPath, 'index.js') }, { find: /^graphql\/(.*)$/, replacement: `${graphqlPath}/$1` }],
  },
};

export default defineConfig({
  test: {
    root,
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { ...shared, test: { ...shared.test, name: 'unit', root, include: ['packages/*/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'] } },
      { ...shared, test: { ...shared.test, name: 'api', root, include: ['test/api/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      { ...shared, test: { ...shared.test, name: 'embedded', root, include: ['test/embedded/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000 } },
      { ...shared, test: { ...shared.test, name: 'e2e', root, include: ['test/e2e/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 90_000 } },
    ],
  },
});
