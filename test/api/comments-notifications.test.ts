import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
let taskId: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Comments B.V.');
  taskId = (
    await org.as.ISMS_MANAGER.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
      input: { organizationId: org.id, title: 'Update the supplier register', assigneeId: org.users.CONTRIBUTOR.id },
    })
  ).createTask.task.id;
});
afterAll(async () => {
  await server?.stop();
});

const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id body author { id } mentions { id } subject { id } } } }`;

describe('comments and mentions', () => {
  it('adds a comment; a mentioned member is notified live and by e-mail; watchers hear of it', async () => {
    const body = `@[Eva](${org.users.MANAGEMENT.id}) can you confirm the SMS gateway contract?`;
    const { addComment } = await org.as.ISMS_MANAGER.ok(ADD, { input: { subjectId: taskId, body } });
    expect(addComment.comment).toMatchObject({ body, author: { id: org.users.ISMS_MANAGER.id }, mentions: [{ id: org.users.MANAGEMENT.id }], subject: { id: taskId } });
    const mentioned = await org.as.MANAGEMENT.ok(`{ viewer { notifications(first: 1) { edges { node { kind title body subject { id } } } } } }`);
    expect(mentioned.viewer.notifications.edges[0].node).toMatchObject({ kind: 'MENTIONED', body: '@Eva can you confirm the SMS gateway contract?', subject: { id: taskId } });
    const mail = await server.mail.waitFor((m) => m.to.includes(org.users.MANAGEMENT.email));
    expect(mail.subject).toContain('mentioned you');
    const watcher = await org.as.CONTRIBUTOR.ok(`{ viewer { notifications(first: 1) { edges { node { kind } } } } }`);
    expect(watcher.viewer.notifications.edges[0].node.kind).toBe('COMMENTED');
    const thread = await org.as.CONTRIBUTOR.ok(`query($id: ID!, $s: ID!) { organization(id: $id) { comments(subjectId: $s) { totalCount edges { node { body } } } } }`, { id: org.id, s: taskId });
    expect(thread.organization.comments.totalCount).toBe(1);
  });

  it('refuses an empty comment, a mention of a non-member, and a subject the caller cannot see', async () => {
    expect(await org.as.ISMS_MANAGER.code(ADD, { input: { subjectId: taskId, body: '  ' } })).toBe('BAD_USER_INPUT');
    expect(await org.as.ISMS_MANAGER.code(ADD, { input: { subjectId: taskId, body: '@[Ghost](usr_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa) hi' } })).toBe('BAD_USER_INPUT');
    // The employee is not involved in this task: it does not exist for them.
    expect(await org.as.EMPLOYEE.code(ADD, { input: { subjectId: taskId, body: 'hello' } })).toBe('NOT_FOUND');
  });
});

describe('notifications', () => {
  it('marks some or all as read', async () => {
    const before = await org.as.MANAGEMENT.ok(`{ viewer { unreadNotificationCount notifications(first: 10) { edges { node { id } } } } }`);
    expect(before.viewer.unreadNotificationCount).toBeGreaterThan(0);
    const one = before.viewer.notifications.edges[0].node.id;
    const { markNotificationsRead } = await org.as.MANAGEMENT.ok(`mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked viewer { unreadNotificationCount } } }`, {
      input: { ids: [one] },
    });
    expect(markNotificationsRead.marked).toBe(1);
    await org.as.MANAGEMENT.ok(`mutation { markNotificationsRead(input: {}) { viewer { unreadNotificationCount } } }`);
    expect((await org.as.MANAGEMENT.ok(`{ viewer { unreadNotificationCount } }`)).viewer.unreadNotificationCount).toBe(0);
    // Nobody can mark another person's notifications.
    const others = await org.as.CONTRIBUTOR.ok(`{ viewer { unreadNotificationCount notifications(first: 1) { edges { node { id } } } } }`);
    await org.as.MANAGEMENT.ok(`mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked } }`, { input: { ids: [others.viewer.notifications.edges[0].node.id] } });
    expect((await org.as.CONTRIBUTOR.ok(`{ viewer { unreadNotificationCount } }`)).viewer.unreadNotificationCount).toBe(others.viewer.unreadNotificationCount);
  });

  it('lets each person choose which notifications are e-mailed', async () => {
    const { updateNotificationPreferences } = await org.as.AUDITOR.ok(
      `mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { viewer { notificationPreferences { kind email } } } }`,
      { input: { preferences: [{ kind: 'ASSIGNED', email: false }] } },
    );
    expect(updateNotificationPreferences.viewer.notificationPreferences).toContainEqual({ kind: 'ASSIGNED', email: false });
    const sentBefore = server.mail.messages.filter((m) => m.to.includes(org.users.AUDITOR.email)).length;
    await org.as.ISMS_MANAGER.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
      input: { organizationId: org.id, title: 'Prepare the audit room', assigneeId: org.users.AUDITOR.id },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(server.mail.messages.filter((m) => m.to.includes(org.users.AUDITOR.email)).length).toBe(sentBefore);
    expect((await org.as.AUDITOR.ok(`{ viewer { unreadNotificationCount } }`)).viewer.unreadNotificationCount).toBe(1);
  });
});
