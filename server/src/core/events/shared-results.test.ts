import { describe, expect, it } from 'vitest';
import { viewerIs, type RequestContext } from '../context.js';
import { sharedPayloads, type Recipient } from './shared-results.js';

/** A context with only what the sharing looks at: the viewer. */
function contextOf(userId: string): RequestContext {
  return { viewer: { user: { id: userId, name: `Person ${userId}`, email: `${userId}@example.test` }, sessionId: `session-${userId}`, apiToken: null } } as unknown as RequestContext;
}

function recipients(userIds: string[], execute: (ctx: RequestContext) => string, groupKey = 'g'): Array<Recipient & { runs: number }> {
  return userIds.map((userId) => {
    const recipient = {
      userId,
      ctx: contextOf(userId),
      groupKey,
      runs: 0,
      execute: async (ctx: RequestContext) => {
        recipient.runs += 1;
        await Promise.resolve();
        return execute(ctx);
      },
    };
    return recipient;
  });
}

const people = Array.from({ length: 20 }, (_, i) => `u${i}`);
const total = (list: Array<{ runs: number }>) => list.reduce((sum, r) => sum + r.runs, 0);

describe('sharing one execution among people', () => {
  it('gives everyone their own answer while executing once per kind of person asked about', async () => {
    // Like `viewerCanEdit`: true for the creator (u3) and the assignee (u7).
    const list = recipients(people, (ctx) => JSON.stringify({ canEdit: viewerIs(ctx, 'u3') || viewerIs(ctx, 'u7') }));
    const payloads = await sharedPayloads(list);
    for (const r of list) expect(payloads.get(r)).toBe(JSON.stringify({ canEdit: r.userId === 'u3' || r.userId === 'u7' }));
    expect(total(list)).toBe(3);
  });

  it('stays right when the first person executed is one of those asked about', async () => {
    const list = recipients(['u3', ...people.filter((p) => p !== 'u3')], (ctx) => JSON.stringify({ canEdit: viewerIs(ctx, 'u3') || viewerIs(ctx, 'u7') }));
    const payloads = await sharedPayloads(list);
    for (const r of list) expect(payloads.get(r)).toBe(JSON.stringify({ canEdit: r.userId === 'u3' || r.userId === 'u7' }));
    expect(total(list)).toBeLessThanOrEqual(4);
  });

  it('never shares a result that read who the viewer is directly', async () => {
    const list = recipients(people, (ctx) => JSON.stringify({ hello: ctx.viewer!.user.name }));
    const payloads = await sharedPayloads(list);
    for (const r of list) expect(payloads.get(r)).toBe(JSON.stringify({ hello: `Person ${r.userId}` }));
    expect(total(list)).toBe(people.length);
  });

  it('never shares across groups (another role, another view of the entity)', async () => {
    const a = recipients(people.slice(0, 5), () => '"a"', 'role A');
    const b = recipients(people.slice(5, 10), () => '"b"', 'role B');
    const payloads = await sharedPayloads([...a, ...b]);
    for (const r of a) expect(payloads.get(r)).toBe('"a"');
    for (const r of b) expect(payloads.get(r)).toBe('"b"');
    expect(total(a) + total(b)).toBe(2);
  });

  it('gives a failed execution to its recipient alone, and retries the others', async () => {
    let calls = 0;
    const list = recipients(people.slice(0, 4), () => {
      calls += 1;
      if (calls === 1) throw new Error('the database went away');
      return '"ok"';
    });
    const payloads = await sharedPayloads(list);
    expect(payloads.get(list[0]!)).toEqual({ error: expect.objectContaining({ message: 'the database went away' }) });
    for (const r of list.slice(1)) expect(payloads.get(r)).toBe('"ok"');
  });
});
