import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleCan, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Assets B.V.');
  other = await buildOrganization(server, 'Other assets B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const FIELDS = `id version name type owner { id } confidentiality integrity availability criticality location reviewDate viewerCanEdit`;
const CREATE = `mutation($input: CreateAssetInput!) { createAsset(input: $input) { asset { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { ${FIELDS} } } }`;
const IMPORT = `mutation($input: ImportAssetsInput!) { importAssets(input: $input) { importedCount problems { row field message } } }`;
const LIST = `query($id: ID!, $filter: AssetFilter, $first: Int, $after: String) { organization(id: $id) { assets(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { name type } } } } }`;
const count = async () => ((await server.services.db.dataSource.query(`SELECT count(*)::int AS n FROM assets WHERE organization_id = $1`, [org.id])) as Array<{ n: number }>)[0]!.n;
let serial = 0;
const asset = (extra: Record<string, unknown> = {}) => ({ organizationId: org.id, name: `Asset ${++serial}`, type: 'INFORMATION', confidentiality: 3, integrity: 2, availability: 1, ...extra });

describe('assets', () => {
  it('registers an asset with owner and C/I/A values, and updates it with its version', async () => {
    const { createAsset } = await org.as.ISMS_MANAGER.ok(CREATE, {
      input: asset({ name: 'Customer location data', ownerId: org.users.CONTRIBUTOR.id, location: 'Fleet database (eu-west)', reviewDate: '2027-06-30' }),
    });
    expect(createAsset.asset).toMatchObject({ name: 'Customer location data', type: 'INFORMATION', owner: { id: org.users.CONTRIBUTOR.id }, criticality: 3, version: 1 });
    const { updateAsset } = await org.as.CONTRIBUTOR.ok(UPDATE, { input: { id: createAsset.asset.id, version: 1, availability: 3 } });
    expect(updateAsset.asset).toMatchObject({ availability: 3, version: 2 });
    expect(await org.as.ISMS_MANAGER.code(UPDATE, { input: { id: createAsset.asset.id, version: 1, availability: 1 } })).toBe('CONFLICT');
  });

  it.each([
    [{ confidentiality: 4 }, 'confidentiality'],
    [{ availability: 0 }, 'availability'],
    [{ name: ' ' }, 'name'],
    [{ reviewDate: '2027-13-01' }, 'reviewDate'],
    [{ ownerId: 'usr_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa' }, 'ownerId'],
  ])('refuses %o on %s, changing nothing', async (override, field) => {
    const before = await count();
    const result = await org.as.ISMS_MANAGER.request(CREATE, { input: asset(override) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate name in the organisation (not across organisations)', async () => {
    await org.as.ISMS_MANAGER.ok(CREATE, { input: asset({ name: 'Office Rotterdam', type: 'SITE' }) });
    expect((await org.as.ISMS_MANAGER.request(CREATE, { input: asset({ name: 'office rotterdam', type: 'SITE' }) })).errors?.[0]?.extensions).toMatchObject({ field: 'name', reason: 'TAKEN' });
    await other.as.OWNER.ok(CREATE, { input: { ...asset({ name: 'Office Rotterdam', type: 'SITE' }), organizationId: other.id } });
  });

  it('imports CSV all or nothing, with a report per refused row', async () => {
    const before = await count();
    const bad = [
      'name,type,owner_email,location,confidentiality,integrity,availability,review_date,description',
      `Fleet database,software,${org.users.CONTRIBUTOR.email},AWS eu-west-1,3,3,3,2027-03-31,Primary store`,
      'Laptops,hardware,,Office,2,2,7,,',
      'SMS gateway,service,nobody@example.test,,2,2,3,,',
      'Laptops,hardware,,Office,2,2,2,,',
      'Broken,spaceship,nobody@example.test,,9,,2,2027-02-30,',
    ].join('\n');
    const refused = await org.as.ISMS_MANAGER.ok(IMPORT, { input: { organizationId: org.id, csv: bad } });
    expect(refused.importAssets.importedCount).toBe(0);
    expect(refused.importAssets.problems).toEqual([
      { row: 3, field: 'availability', message: expect.stringContaining('1 (low)') },
      { row: 4, field: 'owner_email', message: expect.stringContaining('nobody@example.test') },
      // Every problem of a line is reported, not only the first.
      { row: 6, field: 'owner_email', message: expect.stringContaining('nobody@example.test') },
      { row: 6, field: 'type', message: expect.stringContaining('Type must be one of') },
      { row: 6, field: 'confidentiality', message: expect.any(String) },
      { row: 6, field: 'integrity', message: expect.any(String) },
      { row: 6, field: 'review_date', message: expect.any(String) },
    ]);
    expect(await count()).toBe(before);
    const good = bad.split('\n').filter((_, i) => i !== 2 && i !== 3 && i !== 5).join('\n');
    const imported = await org.as.ISMS_MANAGER.ok(IMPORT, { input: { organizationId: org.id, csv: good } });
    expect(imported.importAssets).toEqual({ importedCount: 2, problems: [] });
    expect(await count()).toBe(before + 2);
    expect(await org.as.ISMS_MANAGER.code(IMPORT, { input: { organizationId: org.id, csv: 'nonsense' } })).toBe('BAD_USER_INPUT');
  });

  it('lists with filters and keyset paging, and exports CSV', async () => {
    const page1 = await org.as.AUDITOR.ok(LIST, { id: org.id, first: 2 });
    const page2 = await org.as.AUDITOR.ok(LIST, { id: org.id, first: 2, after: page1.organization.assets.pageInfo.endCursor });
    const names = [...page1.organization.assets.edges, ...page2.organization.assets.edges].map((e: { node: { name: string } }) => e.node.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const sites = await org.as.AUDITOR.ok(LIST, { id: org.id, filter: { type: ['SITE'] } });
    expect(sites.organization.assets.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Office Rotterdam']);
    const csv = await fetch(`${server.url}/exports/organizations/${org.id}/assets.csv`, { headers: { cookie: org.as.AUDITOR.cookie! } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe('name,type,owner_email,location,confidentiality,integrity,availability,review_date,description,criticality,id');
    expect(text).toContain('Fleet database,SOFTWARE');
    expect((await fetch(`${server.url}/exports/organizations/${org.id}/assets.csv`, { headers: { cookie: org.as.EMPLOYEE.cookie! } })).status).toBe(403);
    expect((await fetch(`${server.url}/exports/organizations/${org.id}/assets.csv`, { headers: { cookie: other.as.OWNER.cookie! } })).status).toBe(404);
  });
});

describe('asset RBAC', () => {
  it.each(ROLES.map((role) => [role] as [Role]))('%s', async (role) => {
    const create = await org.as[role].request(CREATE, { input: asset({ ownerId: org.users[role].id }) });
    if (roleCan(role, 'asset:create')) expect(create.errors).toBeUndefined();
    else expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await org.as[role].request(LIST, { id: org.id });
    if (roleCan(role, 'asset:read')) expect(list.errors).toBeUndefined();
    else expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Someone else's asset: only admins edit it; contributors edit only what they own.
    const { createAsset } = await org.as.ISMS_MANAGER.ok(CREATE, { input: asset({ ownerId: org.users.OWNER.id === org.users[role].id ? org.users.ISMS_MANAGER.id : org.users.OWNER.id }) });
    const edit = await org.as[role].request(UPDATE, { input: { id: createAsset.asset.id, version: 1, integrity: 3 } });
    if (roleCan(role, 'asset:delete')) expect(edit.errors).toBeUndefined();
    else expect(['FORBIDDEN', 'NOT_FOUND']).toContain(edit.errors?.[0]?.extensions?.code);
    const remove = await org.as[role].request(`mutation($input: DeleteAssetInput!) { deleteAsset(input: $input) { deletedAssetId } }`, { input: { id: createAsset.asset.id } });
    if (roleCan(role, 'asset:delete')) expect(remove.errors).toBeUndefined();
    // A role that cannot read the inventory does not learn the asset exists.
    else expect(remove.errors?.[0]?.extensions?.code).toBe(roleCan(role, 'asset:read') ? 'FORBIDDEN' : 'NOT_FOUND');
    const imported = await org.as[role].request(IMPORT, { input: { organizationId: org.id, csv: `name,type,confidentiality,integrity,availability\nImported by ${role},service,1,1,1` } });
    if (roleCan(role, 'asset:import')) expect(imported.errors).toBeUndefined();
    else expect(imported.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("a contributor can register only assets they own", async () => {
    expect(await org.as.CONTRIBUTOR.code(CREATE, { input: asset({ ownerId: org.users.OWNER.id }) })).toBe('FORBIDDEN');
  });
});

describe('asset tenant isolation', () => {
  it("another organisation neither reads nor changes the assets, and answers as for missing ones", async () => {
    const { createAsset } = await org.as.ISMS_MANAGER.ok(CREATE, { input: asset() });
    expect((await other.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: createAsset.asset.id })).node).toBeNull();
    const foreign = await other.as.OWNER.request(UPDATE, { input: { id: createAsset.asset.id, version: 1, name: 'pwned' } });
    const missing = await other.as.OWNER.request(UPDATE, { input: { id: 'ast_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa', version: 1, name: 'x' } });
    expect(foreign.errors?.[0]).toMatchObject({ message: missing.errors?.[0]?.message, extensions: { code: 'NOT_FOUND' } });
    expect((await other.as.OWNER.ok(LIST, { id: org.id })).organization).toBeNull();
    expect(await other.as.OWNER.code(IMPORT, { input: { organizationId: org.id, csv: 'name,type,confidentiality,integrity,availability\nX,site,1,1,1' } })).toBe('NOT_FOUND');
  });
});
