import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getSchema } from '../../server/src/app/schema.js';
import { EXAMPLE_PASSWORD, EXAMPLE_PEOPLE } from '../../server/src/modules/example-data/seed.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

/**
 * Property-based: random inputs, shaped by the schema's own input types, for the create and
 * update mutations of every module. Each must answer a coded error or succeed — never
 * INTERNAL_SERVER_ERROR, never a 5xx. Runs against the example organisation, so that ids of
 * every kind of record exist to be picked (and ids of another organisation, to be refused).
 */

let server: TestServer;
let owner: ApiClient;
let other: TestOrg;
let schema: GraphQLSchema;
let ids: string[] = [];
let organizationId: string;

/** Mutations that end the session, delete, or change who may do what: not for random input. */
const EXCLUDED = /^(sign|delete|remove|revoke|leave|accept|reset|change|requestPassword|transfer|updateMemberRole|updateOrganization|inviteMember|createOrganization|createApiToken)/;
const INCLUDED = /^(create|update|record|raise|assign|prepare|request|answer|review|verify|submit|publish|acknowledge|plan|issue|mark|add|set|decide|join|complete|attest|link)/;

beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true' }, 'fuzz');
  schema = await getSchema();
  owner = await new ApiClient(server.url).signIn(EXAMPLE_PEOPLE[0]!.email, EXAMPLE_PASSWORD);
  organizationId = server.seed!.organizationId;
  other = await buildOrganization(server, 'Fuzzed neighbour B.V.');
  // A few ids of every kind of record, here and in the other organisation.
  const tables = (await server.services.db.dataSource.query(
    `SELECT table_name FROM information_schema.columns c WHERE column_name = 'organization_id' AND table_schema = 'public'
        AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'text')`,
  )) as Array<{ table_name: string }>;
  for (const { table_name } of tables) {
    const rows = (await server.services.db.dataSource.query(`SELECT id FROM "${table_name}" WHERE organization_id = ANY($1) ORDER BY id LIMIT 4`, [[organizationId, other.id]])) as Array<{ id: string }>;
    ids.push(...rows.map((r) => r.id));
  }
  const users = (await server.services.db.dataSource.query(`SELECT user_id AS id FROM memberships WHERE organization_id = $1 LIMIT 5`, [organizationId])) as Array<{ id: string }>;
  ids = [...new Set([...ids, ...users.map((u) => u.id), organizationId, other.id])];
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const today = new Date();
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

function stringFor(field: string): fc.Arbitrary<string> {
  const nasty = fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', "'; DROP TABLE tasks; --", '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓', 'x'.repeat(5000), '../../etc/passwd');
  if (/refs?$/i.test(field)) return fc.oneof(fc.constantFrom('A.5.15', 'A.8.8', '9.2', '6.1.3', 'MD-5.2', 'A.99.1', 'Z'), nasty);
  if (/url|link/i.test(field)) return fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'ftp://x', 'not a url'), nasty);
  if (/email/i.test(field)) return fc.oneof(fc.emailAddress(), nasty);
  return fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: nasty });
}

function scalarFor(name: string, field: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom('tsk_nope', '', 'org_00000000-0000-7000-8000-000000000000') }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
    case 'String':
      return /Id$/.test(field) ? fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 12 })) : stringFor(field);
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.constantFrom(0, -0.5, 1e15));
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -800, max: 800 }).map(day) }, { weight: 1, arbitrary: fc.constantFrom('2027-02-30', '0000-01-01', '9999-12-31', 'yesterday', '') });
    case 'DateTime':
      return fc.oneof(fc.integer({ min: -30, max: 30 }).map((d) => new Date(today.getTime() + d * 86_400_000).toISOString()), fc.constantFrom('2027-13-01T00:00:00Z', 'now', ''));
    case 'JSON':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      return fc.string({ maxLength: 20 });
  }
}

function valueFor(type: GraphQLInputType, field: string, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, field, depth);
  if (isListType(type)) return fc.array(valueFor(type.ofType, field, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
  const named = getNamedType(type);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.name));
  if (isScalarType(named)) return scalarFor(named.name, field);
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const f of fields) {
      if (depth > 3 && !isNonNullType(f.type)) continue;
      shape[f.name] = isNonNullType(f.type) ? valueFor(f.type, f.name, depth + 1) : fc.option(valueFor(f.type, f.name, depth + 1), { nil: null, freq: 4 });
      if (isNonNullType(f.type)) required.push(f.name);
    }
    return fc.record(shape, { requiredKeys: required });
  }
  return fc.constant(null);
}

describe('random input to every create and update mutation', () => {
  it('always answers a coded error or succeeds', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((m) => INCLUDED.test(m.name) && !EXCLUDED.test(m.name) && m.args.length > 0);
    expect(mutations.length).toBeGreaterThan(30);
    const seed = Number(process.env.FUZZ_SEED ?? 20271129);
    const failures: string[] = [];
    const codes = new Map<string, number>();
    let successes = 0;
    for (const mutation of mutations) {
      const variables = mutation.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const args = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const query = `mutation Fuzz(${variables}) { ${mutation.name}(${args}) { __typename } }`;
      const argsArbitrary = fc.record(Object.fromEntries(mutation.args.map((a) => [a.name, valueFor(a.type, a.name, 0)])));
      await fc.assert(
        fc.asyncProperty(argsArbitrary, async (input) => {
          const response = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: owner.cookie! },
            body: JSON.stringify({ query, variables: input }),
          });
          const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
          if (!body.errors?.length && body.data) successes += 1;
          for (const error of body.errors ?? []) codes.set(error.extensions?.code ?? 'NONE', (codes.get(error.extensions?.code ?? 'NONE') ?? 0) + 1);
          const unexpected = response.status >= 500 || (body.errors ?? []).some((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
          if (unexpected) failures.push(`${mutation.name} ${JSON.stringify(input).slice(0, 400)} → ${response.status} ${JSON.stringify(body.errors).slice(0, 400)}`);
          return !unexpected;
        }),
        { numRuns: 8, seed, endOnFailure: true },
      ).catch(() => undefined); // collected below, with every mutation's first failure
    }
    expect(failures).toEqual([]);
    // The run did reach the services (not only type errors): several codes were answered.
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['BAD_USER_INPUT']));
    expect(successes).toBeGreaterThan(10);
  }, 300_000);
});
