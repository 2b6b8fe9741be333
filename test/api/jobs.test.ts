import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import { Scheduler } from '../../server/src/modules/jobs/scheduler.js';

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer({ JOBS_TICK_MS: '3600000' });
  org = await buildOrganization(server, 'Jobs B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`;
const kinds = async () =>
  (await org.as.CONTRIBUTOR.ok(`{ viewer { notifications(first: 20) { edges { node { kind title } } } } }`)).viewer.notifications.edges.map(
    (e: { node: { kind: string; title: string } }) => `${e.node.kind}:${e.node.title}`,
  );

describe('scheduled reminders and digests', () => {
  it('reminds the assignee once before the due date and once when overdue', async () => {
    await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Due tomorrow', assigneeId: org.users.CONTRIBUTOR.id, dueDate: day(1) } });
    await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Was due', assigneeId: org.users.CONTRIBUTOR.id, dueDate: day(-2) } });
    await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Far away', assigneeId: org.users.CONTRIBUTOR.id, dueDate: day(20) } });
    await server.services.scheduler.taskReminders();
    await server.services.scheduler.taskReminders(); // idempotent
    const list = await kinds();
    expect(list.filter((k: string) => k.startsWith('DUE_SOON'))).toEqual(['DUE_SOON:Due tomorrow: Due tomorrow']);
    expect(list.filter((k: string) => k.startsWith('OVERDUE'))).toEqual(['OVERDUE:Overdue: Was due']);
    const mail = await server.mail.waitFor((m) => m.subject === 'Overdue: Was due');
    expect(mail.to).toEqual([org.users.CONTRIBUTOR.email]);
  });

  it('sends a daily digest of open work and waiting approvals', async () => {
    const task = (await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Sign the risk acceptance', dueDate: day(3) } })).createTask.task;
    await org.as.ISMS_MANAGER.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
      input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id], note: 'Residual risk R-12' },
    });
    await server.services.scheduler.dailyDigest();
    const digest = await server.mail.waitFor((m) => m.to.includes(org.users.MANAGEMENT.email) && m.subject.startsWith('Annex:'));
    expect(digest.text).toContain('approval waiting for you');
    const contributor = await server.mail.waitFor((m) => m.to.includes(org.users.CONTRIBUTOR.email) && m.subject.startsWith('Annex:'));
    expect(contributor.text).toContain('OVERDUE');
  });

  it('keeps the schedule in the database: a due run is claimed by exactly one of two schedulers, and survives restarts', async () => {
    const db = server.services.db;
    await db.dataSource.query(`UPDATE scheduled_jobs SET next_run_at = now() - interval '1 minute' WHERE name = 'prune-events'`);
    let runs = 0;
    const make = () => {
      const scheduler = new Scheduler(server.services);
      scheduler.jobs.splice(0, scheduler.jobs.length, { name: 'prune-events', next: (now) => new Date(now.getTime() + 86_400_000), run: async () => void (runs += 1) });
      return scheduler;
    };
    await Promise.all([make().tick(), make().tick()]);
    expect(runs).toBe(1);
    const [row] = (await db.dataSource.query(`SELECT next_run_at > now() AS later, last_run_at IS NOT NULL AS ran FROM scheduled_jobs WHERE name = 'prune-events'`)) as Array<{
      later: boolean;
      ran: boolean;
    }>;
    expect(row).toEqual({ later: true, ran: true });
  });

  it('prunes events older than the retention period', async () => {
    await server.services.db.dataSource.query(`UPDATE organization_events SET at = now() - interval '8 days' WHERE organization_id = $1 AND seq = 1`, [org.id]);
    await server.services.scheduler.pruneEvents();
    const rows = (await server.services.db.dataSource.query(`SELECT seq FROM organization_events WHERE organization_id = $1 AND seq = 1`, [org.id])) as unknown[];
    expect(rows).toHaveLength(0);
  });
});
