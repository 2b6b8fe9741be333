import { describe, expect, it } from 'vitest';
import { isObjectType } from 'graphql';
import { ACTION_ROLES, ROLES, isOrgAction, PSEUDO_ACTIONS } from '@annex/domain';
import { getSchema } from '../../server/src/app/schema.js';

/** Every operation of the schema with the action it declares (root fields, and nested fields that declare one). */
async function operationActions(): Promise<Array<{ operation: string; action: string | undefined }>> {
  const schema = await getSchema();
  const rows: Array<{ operation: string; action: string | undefined }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = ['Query', 'Mutation', 'Subscription'].includes(type.name);
    for (const field of Object.values(type.getFields())) {
      const action = field.extensions?.['action'] as string | undefined;
      if (root || action) rows.push({ operation: `${type.name}.${field.name}`, action });
    }
  }
  return rows.sort((a, b) => a.operation.localeCompare(b.operation));
}

describe('authorization declarations', () => {
  it('every operation declares a known action (deny by default)', async () => {
    const undeclared = (await operationActions()).filter(
      (row) => !row.action || !(isOrgAction(row.action) || (PSEUDO_ACTIONS as readonly string[]).includes(row.action)),
    );
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed operation → action table', async () => {
    const table = (await operationActions()).map((row) => `| ${row.operation} | ${row.action} |`).join('\n');
    await expect(`| operation | action |\n|---|---|\n${table}\n`).toMatchFileSnapshot('./__snapshots__/operation-actions.md');
  });

  it('matches the reviewed role → action table', async () => {
    const header = `| action | ${ROLES.join(' | ')} |\n|---|${ROLES.map(() => '---').join('|')}|`;
    const rows = Object.entries(ACTION_ROLES).map(
      ([action, roles]) => `| ${action} | ${ROLES.map((role) => ((roles as readonly string[]).includes(role) ? 'yes' : '—')).join(' | ')} |`,
    );
    await expect(`${header}\n${rows.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/role-actions.md');
  });
});
