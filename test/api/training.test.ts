import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, addDays, addMonths, todayUtc, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, TEST_PASSWORD, uniqueEmail, type TestOrg } from '../support/factories.js';
import { ApiClient } from '../support/client.js';
import { trainingCoverageSummary } from '../../server/src/modules/training/training-summary.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer({ UPLOAD_MAX_MB: '1' }, 'training');
  org = await buildOrganization(server, 'Trained B.V.');
  other = await buildOrganization(server, 'Other trained B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const COURSE_FIELDS = `id version title description materialUrl durationMinutes refresherMonths passScore archived viewerCanManage
  materialDocument { id title } roleAssignments { role dueDate }`;
const CREATE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { ${COURSE_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { course { ${COURSE_FIELDS} } } }`;
const ARCHIVE = `mutation($input: ArchiveCourseInput!) { archiveCourse(input: $input) { course { id archived version } } }`;
const ASSIGN = `mutation($input: AssignCourseInput!) { assignCourse(input: $input) { course { id roleAssignments { role dueDate } assignments { user { id } status dueDate direct viaRole } } } }`;
const UNASSIGN = `mutation($input: UnassignCourseInput!) { unassignCourse(input: $input) { course { id roleAssignments { role } assignments { user { id } } } } }`;
const RECORD = `mutation($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) {
  record { id completedOn expiresOn score attested selfRecorded expired evidenceFilename evidence { id } user { id } recordedBy { id } course { id } } } }`;
const DELETE_RECORD = `mutation($input: DeleteTrainingRecordInput!) { deleteTrainingRecord(input: $input) { deletedTrainingRecordId } }`;
const MY_TRAINING = `query($id: ID!) { organization(id: $id) { myTraining { id status dueDate nextDueOn completedOn expiresOn overdue course { id title } latestRecord { id attested evidenceFilename } } } }`;
const COVERAGE = `query($id: ID!) { organization(id: $id) { trainingCoverage {
  assigned current overdue expired dueSoon ratio percent
  byCourse { course { id title } assigned current overdue expired ratio percent missing { user { id } status } }
  byRole { role members membersComplete assigned current overdue ratio missing { user { id } course { id } status } } } } }`;
const COURSES = `query($id: ID!, $archived: Boolean) { organization(id: $id) { courses(includeArchived: $archived) { id title archived assignments { user { id } status } coverage { assigned current percent } viewerAssignment { status } } } }`;

async function upload(path: string, as: ApiClient, organizationId: string, bytes: Buffer, type: string, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const response = await fetch(`${server.url}${path}`, { method: 'POST', body: form, headers: { 'x-annex-upload': '1', 'x-organization-id': organizationId, ...(as.cookie ? { cookie: as.cookie } : {}) } });
  return { status: response.status, body: (await response.json()) as { id?: string; sha256?: string; error?: { code: string; message: string } } };
}

const count = async (sql: string, params: unknown[]) => Number(((await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n);
const today = todayUtc();

async function createCourse(target: TestOrg, input: Record<string, unknown>) {
  return (await target.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: target.id, ...input } })).createCourse.course;
}

/** Joins the organisation through an invitation, as people do. */
async function join(target: TestOrg, role: Role): Promise<{ client: ApiClient; id: string }> {
  const email = uniqueEmail(`joiner-${role.toLowerCase()}`);
  await target.as.OWNER.ok(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`, { input: { organizationId: target.id, email, role } });
  const message = await server.mail.waitFor((m) => m.to.includes(email));
  const token = /token=([\w-]+)/.exec(message.text)![1];
  const client = new ApiClient(server.url);
  const { acceptInvitation } = await client.ok(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id } } }`, {
    input: { token, name: `New ${role}`, password: TEST_PASSWORD },
  });
  return { client, id: acceptInvitation.viewer.id };
}

describe('training: the whole path through the API', () => {
  it('creates a course, assigns it by role and by name, records completions three ways, and shows coverage', async () => {
    const target = await buildOrganization(server, 'Programme B.V.');
    // The contract's fields alone make a course; the rest are optional.
    const awareness = await createCourse(target, { title: 'Security awareness', refresherMonths: 12 });
    expect(awareness).toMatchObject({ version: 1, title: 'Security awareness', refresherMonths: 12, archived: false, viewerCanManage: true, materialDocument: null, roleAssignments: [] });
    const doc = (await target.as.ISMS_MANAGER.ok(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`, {
      input: { organizationId: target.id, title: 'Awareness slides', kind: 'OTHER' },
    })).createDocument.document;
    const updated = (await target.as.ISMS_MANAGER.ok(UPDATE, {
      input: { id: awareness.id, version: 1, description: 'Phishing, passwords, reporting incidents.', materialDocumentId: doc.id, materialUrl: 'https://learn.example.com/awareness', durationMinutes: 45, passScore: 70 },
    })).updateCourse.course;
    expect(updated).toMatchObject({ version: 2, description: 'Phishing, passwords, reporting incidents.', materialDocument: { id: doc.id, title: 'Awareness slides' }, materialUrl: 'https://learn.example.com/awareness', durationMinutes: 45, passScore: 70 });
    // A stale version is a CONFLICT and changes nothing.
    expect(await target.as.OWNER.code(UPDATE, { input: { id: awareness.id, version: 1, title: 'Overwritten' } })).toBe('CONFLICT');

    // Assigned to the employees (and whoever joins as one) and to the contributor by name.
    const due = addDays(today, 30);
    const assigned = (await target.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: awareness.id, roles: ['EMPLOYEE'], userIds: [target.users.CONTRIBUTOR.id], dueDate: due } })).assignCourse.course;
    expect(assigned.roleAssignments).toEqual([{ role: 'EMPLOYEE', dueDate: due }]);
    expect(assigned.assignments).toHaveLength(2);
    expect(assigned.assignments).toContainEqual({ user: { id: target.users.EMPLOYEE.id }, status: 'ASSIGNED', dueDate: due, direct: false, viaRole: true });
    expect(assigned.assignments).toContainEqual({ user: { id: target.users.CONTRIBUTOR.id }, status: 'ASSIGNED', dueDate: due, direct: true, viaRole: false });
    // Both were told.
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND kind = 'ASSIGNED'`, [awareness.id])).toBe(2);

    let coverage = (await target.as.MANAGEMENT.ok(COVERAGE, { id: target.id })).organization.trainingCoverage;
    expect(coverage).toMatchObject({ assigned: 2, current: 0, overdue: 0, ratio: 0, percent: 0 });

    // The employee sees it in My training and completes it with a certificate they upload themselves.
    const mine = (await target.as.EMPLOYEE.ok(MY_TRAINING, { id: target.id })).organization.myTraining;
    expect(mine).toEqual([expect.objectContaining({ status: 'ASSIGNED', dueDate: due, nextDueOn: due, overdue: false, course: { id: awareness.id, title: 'Security awareness' }, latestRecord: null })]);
    const certificate = await upload('/training/evidence', target.as.EMPLOYEE, target.id, Buffer.from('%PDF-1.4 certificate\n%%EOF\n'), 'application/pdf', 'certificate.pdf', { courseId: awareness.id });
    expect(certificate.status).toBe(201);
    expect(certificate.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    // …but not the general evidence upload, which is for the team.
    expect((await upload('/uploads', target.as.EMPLOYEE, target.id, Buffer.from('x'), 'text/plain', 'x.txt')).status).toBe(403);
    const employeeRecord = (await target.as.EMPLOYEE.ok(RECORD, { input: { courseId: awareness.id, evidenceId: certificate.body.id, score: 85 } })).recordTrainingCompletion.record;
    expect(employeeRecord).toMatchObject({
      completedOn: today,
      expiresOn: addMonths(today, 12),
      score: 85,
      attested: false,
      selfRecorded: true,
      expired: false,
      evidenceFilename: 'certificate.pdf',
      evidence: null, // employees do not open evidence; the file name is enough for them
      user: { id: target.users.EMPLOYEE.id },
    });
    // The same completion sent twice is recorded once.
    const again = (await target.as.EMPLOYEE.ok(RECORD, { input: { courseId: awareness.id, evidenceId: certificate.body.id, score: 85 } })).recordTrainingCompletion.record;
    expect(again.id).toBe(employeeRecord.id);
    // The contributor attests "I completed this" without evidence.
    const attested = (await target.as.CONTRIBUTOR.ok(RECORD, { input: { courseId: awareness.id, attested: true, completedOn: addDays(today, -3) } })).recordTrainingCompletion.record;
    expect(attested).toMatchObject({ attested: true, completedOn: addDays(today, -3), expiresOn: addMonths(addDays(today, -3), 12), evidenceFilename: null });

    // The manager records a completion for the auditor with evidence from POST /uploads (the auditor was not assigned: an extra).
    const attendance = await upload('/uploads', target.as.ISMS_MANAGER, target.id, Buffer.from('Attendance list'), 'text/plain', 'attendance.txt');
    expect(attendance.status).toBe(201);
    const forAuditor = (await target.as.ISMS_MANAGER.ok(RECORD, { input: { courseId: awareness.id, userId: target.users.AUDITOR.id, completedOn: addDays(today, -10), evidenceId: attendance.body.id } }))
      .recordTrainingCompletion.record;
    expect(forAuditor).toMatchObject({ user: { id: target.users.AUDITOR.id }, recordedBy: { id: target.users.ISMS_MANAGER.id }, selfRecorded: false, attested: false, evidence: { id: attendance.body.id } });

    coverage = (await target.as.AUDITOR.ok(COVERAGE, { id: target.id })).organization.trainingCoverage;
    expect(coverage).toMatchObject({ assigned: 2, current: 2, overdue: 0, ratio: 1, percent: 100 });
    expect(coverage.byCourse).toEqual([expect.objectContaining({ course: { id: awareness.id, title: 'Security awareness' }, assigned: 2, current: 2, percent: 100, missing: [] })]);
    expect(coverage.byRole.map((r: { role: string }) => r.role)).toEqual(['CONTRIBUTOR', 'EMPLOYEE']);
    expect(coverage.byRole.find((r: { role: string }) => r.role === 'EMPLOYEE')).toMatchObject({ members: 1, membersComplete: 1, assigned: 1, current: 1, ratio: 1, missing: [] });

    // A second course, overdue for the employee; one expired completion; coverage names who is missing.
    const phishing = await createCourse(target, { title: 'Phishing simulation debrief', refresherMonths: 6 });
    await target.as.OWNER.ok(ASSIGN, { input: { courseId: phishing.id, roles: ['EMPLOYEE', 'CONTRIBUTOR'], dueDate: addDays(today, 5) } });
    await server.services.db.dataSource.query(`UPDATE course_assignments SET due_date = $2 WHERE course_id = $1 AND user_id = $3`, [phishing.id, addDays(today, -4), target.users.EMPLOYEE.id]);
    await target.as.ISMS_MANAGER.ok(RECORD, { input: { courseId: phishing.id, userId: target.users.CONTRIBUTOR.id, completedOn: addDays(today, -200) } });
    coverage = (await target.as.ISMS_MANAGER.ok(COVERAGE, { id: target.id })).organization.trainingCoverage;
    expect(coverage).toMatchObject({ assigned: 4, current: 2, overdue: 2, expired: 1, ratio: 0.5, percent: 50 });
    const phishingRow = coverage.byCourse.find((c: { course: { id: string } }) => c.course.id === phishing.id);
    expect(phishingRow.missing).toEqual([
      { user: { id: target.users.EMPLOYEE.id }, status: 'OVERDUE' },
      { user: { id: target.users.CONTRIBUTOR.id }, status: 'EXPIRED' },
    ]);
    expect(coverage.byRole.find((r: { role: string }) => r.role === 'EMPLOYEE')).toMatchObject({ members: 1, membersComplete: 0, assigned: 2, current: 1, overdue: 1 });
    const myNow = (await target.as.EMPLOYEE.ok(MY_TRAINING, { id: target.id })).organization.myTraining;
    expect(myNow.map((a: { status: string; course: { id: string } }) => [a.course.id, a.status])).toEqual([
      [phishing.id, 'OVERDUE'],
      [awareness.id, 'COMPLETED'],
    ]);
    // The summary the readiness dashboard reads says the same.
    const summary = await trainingCoverageSummary(server.services.db.dataSource.manager, target.id, today);
    expect(summary).toEqual({ assigned: 4, current: 2, overdue: 2, ratio: 0.5 });

    // A shorter refresher interval applies to the completions already recorded.
    const v2 = (await target.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on Course { version } } }`, { id: phishing.id })).node.version;
    await target.as.ISMS_MANAGER.ok(UPDATE, { input: { id: phishing.id, version: v2, refresherMonths: 12 } });
    const contributorRow = (await target.as.CONTRIBUTOR.ok(MY_TRAINING, { id: target.id })).organization.myTraining.find((a: { course: { id: string } }) => a.course.id === phishing.id);
    expect(contributorRow).toMatchObject({ status: 'COMPLETED', expiresOn: addMonths(addDays(today, -200), 12) });

    // A record made by mistake is deleted; the course's history shows the rest.
    await target.as.ISMS_MANAGER.ok(DELETE_RECORD, { input: { id: forAuditor.id } });
    const history = (await target.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on Course { records { id } } } }`, { id: awareness.id })).node.records;
    expect(history.map((r: { id: string }) => r.id).sort()).toEqual([employeeRecord.id, attested.id].sort());

    // Archived: out of the programme, coverage and My training; restored: back.
    await target.as.ISMS_MANAGER.ok(ARCHIVE, { input: { id: phishing.id } });
    expect((await target.as.ISMS_MANAGER.ok(COVERAGE, { id: target.id })).organization.trainingCoverage).toMatchObject({ assigned: 2, current: 2 });
    expect((await target.as.EMPLOYEE.ok(MY_TRAINING, { id: target.id })).organization.myTraining).toHaveLength(1);
    expect((await target.as.ISMS_MANAGER.ok(COURSES, { id: target.id })).organization.courses.map((c: { id: string }) => c.id)).toEqual([awareness.id]);
    expect((await target.as.ISMS_MANAGER.ok(COURSES, { id: target.id, archived: true })).organization.courses.map((c: { id: string }) => c.id)).toEqual([awareness.id, phishing.id]);
    expect(await target.as.ISMS_MANAGER.code(ASSIGN, { input: { courseId: phishing.id, roles: ['OWNER'], dueDate: due } })).toBe('BAD_USER_INPUT');
    await target.as.ISMS_MANAGER.ok(ARCHIVE, { input: { id: phishing.id, archived: false } });
    expect((await target.as.EMPLOYEE.ok(MY_TRAINING, { id: target.id })).organization.myTraining).toHaveLength(2);

    // Unassigning the role withdraws the role's assignments; the person named stays.
    const after = (await target.as.ISMS_MANAGER.ok(UNASSIGN, { input: { courseId: awareness.id, roles: ['EMPLOYEE'] } })).unassignCourse.course;
    expect(after).toEqual({ id: awareness.id, roleAssignments: [], assignments: [{ user: { id: target.users.CONTRIBUTOR.id } }] });
    // Every change is in the audit trail.
    const actions = (await server.services.db.dataSource.query(`SELECT DISTINCT action FROM audit_events WHERE organization_id = $1 AND (entity_type IN ('Course', 'TrainingRecord'))`, [target.id])) as Array<{ action: string }>;
    expect(actions.map((a) => a.action).sort()).toEqual(
      ['course.archived', 'course.assigned', 'course.created', 'course.restored', 'course.unassigned', 'course.updated', 'trainingRecord.deleted', 'trainingRecord.recorded'].sort(),
    );
  });

  it('gives new members of an assigned role the course on joining, and moves it when their role changes', async () => {
    const target = await buildOrganization(server, 'Joiners B.V.');
    const onboarding = await createCourse(target, { title: 'Onboarding: security basics', refresherMonths: null });
    const secure = await createCourse(target, { title: 'Secure development', refresherMonths: 24 });
    await target.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: onboarding.id, roles: ['EMPLOYEE', 'CONTRIBUTOR'], dueDate: addDays(today, 7) } });
    await target.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: secure.id, roles: ['CONTRIBUTOR'], dueDate: addDays(today, 60) } });

    const joiner = await join(target, 'EMPLOYEE');
    let mine = (await joiner.client.ok(MY_TRAINING, { id: target.id })).organization.myTraining;
    // A joiner gets at least 30 days, even when the role's date is sooner.
    expect(mine).toEqual([expect.objectContaining({ course: { id: onboarding.id, title: 'Onboarding: security basics' }, dueDate: addDays(today, 30), status: 'ASSIGNED' })]);
    const notification = await server.services.db.dataSource.query(`SELECT title FROM notifications WHERE user_id = $1 AND subject_id = $2`, [joiner.id, onboarding.id]);
    expect(notification).toEqual([{ title: 'Training assigned: Onboarding: security basics' }]);

    // Promoted to contributor: keeps onboarding (contributors have it too), gains secure development with the role's later date.
    await target.as.OWNER.ok(`mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { membership { role } } }`, { input: { organizationId: target.id, userId: joiner.id, role: 'CONTRIBUTOR' } });
    mine = (await joiner.client.ok(MY_TRAINING, { id: target.id })).organization.myTraining;
    expect(mine.map((a: { course: { id: string }; dueDate: string }) => [a.course.id, a.dueDate])).toEqual([
      [onboarding.id, addDays(today, 30)],
      [secure.id, addDays(today, 60)],
    ]);
    // Moved to management: neither role course applies any more; a course named for them would have stayed.
    await target.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: secure.id, userIds: [joiner.id], dueDate: addDays(today, 60) } });
    await target.as.OWNER.ok(`mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { membership { role } } }`, { input: { organizationId: target.id, userId: joiner.id, role: 'MANAGEMENT' } });
    mine = (await joiner.client.ok(MY_TRAINING, { id: target.id })).organization.myTraining;
    expect(mine.map((a: { course: { id: string } }) => a.course.id)).toEqual([secure.id]);
  });

  it('reminds before the due date and when overdue, once per state', async () => {
    const target = await buildOrganization(server, 'Reminded B.V.');
    const course = await createCourse(target, { title: 'Clean desk', refresherMonths: 12 });
    await target.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: course.id, userIds: [target.users.EMPLOYEE.id], dueDate: addDays(today, 60) } });
    const reminders = () =>
      server.services.db.dataSource.query(`SELECT kind, title FROM notifications WHERE user_id = $1 AND subject_id = $2 AND kind <> 'ASSIGNED' ORDER BY created_at, id`, [target.users.EMPLOYEE.id, course.id]) as Promise<
        Array<{ kind: string; title: string }>
      >;
    await server.services.training.sendReminders();
    expect(await reminders()).toEqual([]); // not due within 14 days yet

    await server.services.db.dataSource.query(`UPDATE course_assignments SET due_date = $2 WHERE course_id = $1`, [course.id, addDays(today, 3)]);
    await server.services.training.sendReminders();
    await server.services.training.sendReminders();
    expect(await reminders()).toEqual([{ kind: 'DUE_SOON', title: `Training due on ${addDays(today, 3)}: Clean desk` }]);
    await server.mail.waitFor((m) => m.to.includes(target.users.EMPLOYEE.email) && m.subject.includes('Training due'));

    await server.services.db.dataSource.query(`UPDATE course_assignments SET due_date = $2 WHERE course_id = $1`, [course.id, addDays(today, -1)]);
    await server.services.training.sendReminders();
    await server.services.training.sendReminders();
    expect((await reminders()).map((r) => r.kind)).toEqual(['DUE_SOON', 'OVERDUE']);

    // Completed a year ago: the completion expired, which is a new state to remind of, once.
    await target.as.ISMS_MANAGER.ok(RECORD, { input: { courseId: course.id, userId: target.users.EMPLOYEE.id, completedOn: addDays(addMonths(today, -12), -1) } });
    await server.services.training.sendReminders();
    await server.services.training.sendReminders();
    const all = await reminders();
    expect(all.map((r) => r.kind)).toEqual(['DUE_SOON', 'OVERDUE', 'OVERDUE']);
    expect(all[2]!.title).toBe('Training expired: Clean desk');
    // Nothing more once it is done again.
    await target.as.EMPLOYEE.ok(RECORD, { input: { courseId: course.id, attested: true } });
    await server.services.training.sendReminders();
    expect(await reminders()).toHaveLength(3);
  });
});

describe('training: bad input is refused with a code and changes nothing', () => {
  it('names the field and the reason', async () => {
    const course = await createCourse(org, { title: 'Coded errors', refresherMonths: 12, passScore: 80 });
    const before = await count(`SELECT (SELECT count(*) FROM courses WHERE organization_id = $1) + (SELECT count(*) FROM training_records WHERE organization_id = $1) + (SELECT count(*) FROM course_assignments WHERE organization_id = $1) AS n`, [org.id]);
    const cases: Array<[ApiClient, string, Record<string, unknown>, string, string]> = [
      [org.as.ISMS_MANAGER, CREATE, { organizationId: org.id, title: '  ' }, 'title', 'REQUIRED'],
      [org.as.ISMS_MANAGER, CREATE, { organizationId: org.id, title: 'Coded errors' }, 'title', 'DUPLICATE_TITLE'],
      [org.as.ISMS_MANAGER, CREATE, { organizationId: org.id, title: 'X', refresherMonths: 0 }, 'refresherMonths', 'OUT_OF_RANGE'],
      [org.as.ISMS_MANAGER, CREATE, { organizationId: org.id, title: 'X', materialUrl: 'javascript:alert(1)' }, 'materialUrl', 'INVALID_URL'],
      [org.as.ISMS_MANAGER, CREATE, { organizationId: org.id, title: 'X', durationMinutes: 0 }, 'durationMinutes', 'OUT_OF_RANGE'],
      [org.as.ISMS_MANAGER, CREATE, { organizationId: org.id, title: 'X', passScore: 101 }, 'passScore', 'OUT_OF_RANGE'],
      [org.as.ISMS_MANAGER, CREATE, { organizationId: org.id, title: 'X', materialDocumentId: 'doc_0190c0de00007000800000000000abcd' }, 'materialDocumentId', 'UNKNOWN_DOCUMENT'],
      [org.as.ISMS_MANAGER, UPDATE, { id: course.id, version: 1, title: '' }, 'title', 'REQUIRED'],
      [org.as.ISMS_MANAGER, ASSIGN, { courseId: course.id, roles: ['EMPLOYEE'], dueDate: addDays(today, -1) }, 'dueDate', 'IN_THE_PAST'],
      [org.as.ISMS_MANAGER, ASSIGN, { courseId: course.id, roles: ['EMPLOYEE'], dueDate: '2027-02-30' }, 'dueDate', 'INVALID_DATE'],
      [org.as.ISMS_MANAGER, ASSIGN, { courseId: course.id, roles: [], userIds: [], dueDate: addDays(today, 5) }, 'roles', 'REQUIRED'],
      [org.as.ISMS_MANAGER, ASSIGN, { courseId: course.id, userIds: [other.users.EMPLOYEE.id], dueDate: addDays(today, 5) }, 'userIds', 'NOT_A_MEMBER'],
      [org.as.ISMS_MANAGER, RECORD, { courseId: course.id, userId: org.users.EMPLOYEE.id, completedOn: addDays(today, 1) }, 'completedOn', 'IN_THE_FUTURE'],
      [org.as.ISMS_MANAGER, RECORD, { courseId: course.id, userId: org.users.EMPLOYEE.id, score: 60 }, 'score', 'BELOW_PASS_SCORE'],
      [org.as.ISMS_MANAGER, RECORD, { courseId: course.id, userId: org.users.EMPLOYEE.id, score: 120 }, 'score', 'OUT_OF_RANGE'],
      [org.as.ISMS_MANAGER, RECORD, { courseId: course.id, userId: other.users.EMPLOYEE.id }, 'userId', 'NOT_A_MEMBER'],
      [org.as.EMPLOYEE, RECORD, { courseId: course.id, attested: true }, 'courseId', 'NOT_ASSIGNED'],
    ];
    for (const [as, query, input, field, reason] of cases) {
      const result = await as.request(query, { input });
      expect({ input, extensions: result.errors?.[0]?.extensions }).toEqual({ input, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field, reason }) });
    }
    // Assigned, an employee still needs evidence or their own word.
    await org.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: course.id, userIds: [org.users.EMPLOYEE.id], dueDate: addDays(today, 10) } });
    const missingEvidence = await org.as.EMPLOYEE.request(RECORD, { input: { courseId: course.id } });
    expect(missingEvidence.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attested', reason: 'EVIDENCE_REQUIRED' });
    // Someone else's evidence cannot be passed off as yours.
    const theirs = await upload('/uploads', org.as.CONTRIBUTOR, org.id, Buffer.from('not yours'), 'text/plain', 'theirs.txt');
    expect((await org.as.EMPLOYEE.request(RECORD, { input: { courseId: course.id, evidenceId: theirs.body.id } })).errors?.[0]?.extensions).toMatchObject({ field: 'evidenceId', reason: 'UNKNOWN_EVIDENCE' });
    // A bad upload is refused before anything is stored.
    const wrongType = await upload('/training/evidence', org.as.EMPLOYEE, org.id, Buffer.from('MZ'), 'application/x-msdownload', 'virus.exe', { courseId: course.id });
    expect(wrongType).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    const unknownCourse = await upload('/training/evidence', org.as.EMPLOYEE, org.id, Buffer.from('x'), 'text/plain', 'x.txt', { courseId: 'crs_0190c0de00007000800000000000abcd' });
    expect(unknownCourse.status).toBe(400);
    const after = await count(`SELECT (SELECT count(*) FROM courses WHERE organization_id = $1) + (SELECT count(*) FROM training_records WHERE organization_id = $1) + (SELECT count(*) FROM course_assignments WHERE organization_id = $1) AS n`, [org.id]);
    expect(after).toBe(before + 1); // the one assignment made on purpose
  });
});

describe('training: who sees and does what', () => {
  it('lets admins run the programme, everyone complete their own, and coverage readers (auditors included) read it', async () => {
    const target = await buildOrganization(server, 'Roles B.V.');
    const course = await createCourse(target, { title: 'Roles course', refresherMonths: 12 });
    await target.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: course.id, roles: [...ROLES], dueDate: addDays(today, 20) } });
    const manage = new Set(['OWNER', 'ISMS_MANAGER']);
    const readCoverage = new Set(['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR']);
    for (const role of ROLES) {
      const as = target.as[role];
      const create = await as.request(CREATE, { input: { organizationId: target.id, title: `By ${role}` } });
      expect([role, create.errors?.[0]?.extensions?.code ?? 'OK']).toEqual([role, manage.has(role) ? 'OK' : 'FORBIDDEN']);
      const assign = await as.request(ASSIGN, { input: { courseId: course.id, userIds: [target.users.EMPLOYEE.id], dueDate: addDays(today, 20) } });
      expect([role, assign.errors?.[0]?.extensions?.code ?? 'OK']).toEqual([role, manage.has(role) ? 'OK' : 'FORBIDDEN']);
      const coverage = await as.request(COVERAGE, { id: target.id });
      expect([role, coverage.errors?.[0]?.extensions?.code ?? 'OK']).toEqual([role, readCoverage.has(role) ? 'OK' : 'FORBIDDEN']);
      // Everyone sees the programme; only coverage readers see who stands where. (The admins before recorded the employee's.)
      const courses = (await as.ok(COURSES, { id: target.id })).organization.courses.find((c: { id: string }) => c.id === course.id);
      expect([role, courses.assignments === null, courses.coverage === null, courses.viewerAssignment.status]).toEqual([role, !readCoverage.has(role), !readCoverage.has(role), role === 'EMPLOYEE' ? 'COMPLETED' : 'ASSIGNED']);
      // Recording for someone else is for admins; everyone records their own.
      const forOther = await as.request(RECORD, { input: { courseId: course.id, userId: target.users[role === 'EMPLOYEE' ? 'CONTRIBUTOR' : 'EMPLOYEE'].id, completedOn: addDays(today, -1) } });
      expect([role, forOther.errors?.[0]?.extensions?.code ?? 'OK']).toEqual([role, manage.has(role) ? 'OK' : 'FORBIDDEN']);
      const own = await as.request(RECORD, { input: { courseId: course.id, attested: true } });
      expect([role, own.errors?.[0]?.extensions?.code ?? 'OK']).toEqual([role, 'OK']);
    }
    // An employee sees their own assignment and record, not someone else's.
    const assignments = (await target.as.OWNER.ok(`query($id: ID!) { node(id: $id) { ... on Course { assignments { id user { id } latestRecord { id } } } } }`, { id: course.id })).node.assignments as Array<{
      id: string;
      user: { id: string };
      latestRecord: { id: string };
    }>;
    const employees = assignments.find((a) => a.user.id === target.users.EMPLOYEE.id)!;
    const contributors = assignments.find((a) => a.user.id === target.users.CONTRIBUTOR.id)!;
    const nodeQuery = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await target.as.EMPLOYEE.ok(nodeQuery, { id: employees.id })).node).toEqual({ id: employees.id });
    expect((await target.as.EMPLOYEE.ok(nodeQuery, { id: employees.latestRecord.id })).node).toEqual({ id: employees.latestRecord.id });
    expect((await target.as.EMPLOYEE.ok(nodeQuery, { id: contributors.id })).node).toBeNull();
    expect((await target.as.EMPLOYEE.ok(nodeQuery, { id: contributors.latestRecord.id })).node).toBeNull();
    expect((await target.as.AUDITOR.ok(nodeQuery, { id: contributors.latestRecord.id })).node).toEqual({ id: contributors.latestRecord.id });
    // Auditors read coverage but change nothing.
    expect(await target.as.AUDITOR.code(UPDATE, { input: { id: course.id, version: 1, title: 'Audited' } })).toBe('FORBIDDEN');
    expect(await target.as.AUDITOR.code(ARCHIVE, { input: { id: course.id } })).toBe('FORBIDDEN');
    expect(await target.as.AUDITOR.code(DELETE_RECORD, { input: { id: contributors.latestRecord.id } })).toBe('FORBIDDEN');
    expect(await target.as.MANAGEMENT.code(UNASSIGN, { input: { courseId: course.id, roles: ['EMPLOYEE'] } })).toBe('FORBIDDEN');
  });
});

describe('training: tenant isolation', () => {
  it('another organisation sees and changes nothing, and its ids answer as missing ones', async () => {
    const course = await createCourse(org, { title: 'Private course', refresherMonths: 12 });
    await org.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: course.id, roles: ['EMPLOYEE'], dueDate: addDays(today, 20) } });
    const record = (await org.as.ISMS_MANAGER.ok(RECORD, { input: { courseId: course.id, userId: org.users.EMPLOYEE.id } })).recordTrainingCompletion.record;
    const missingCourse = 'crs_0190c0de00007000800000000000abcd';
    for (const [query, input] of [
      [UPDATE, { id: course.id, version: 1, title: 'Taken' }],
      [ARCHIVE, { id: course.id }],
      [ASSIGN, { courseId: course.id, roles: ['EMPLOYEE'], dueDate: addDays(today, 20) }],
      [UNASSIGN, { courseId: course.id, roles: ['EMPLOYEE'] }],
      [RECORD, { courseId: course.id, attested: true }],
      [DELETE_RECORD, { id: record.id }],
    ] as const) {
      expect(await other.as.OWNER.code(query, { input })).toBe('NOT_FOUND');
    }
    expect(await other.as.OWNER.code(UPDATE, { input: { id: missingCourse, version: 1, title: 'Taken' } })).toBe('NOT_FOUND');
    expect((await other.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: course.id })).node).toBeNull();
    expect((await other.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: record.id })).node).toBeNull();
    expect((await other.as.OWNER.ok(COVERAGE, { id: org.id })).organization).toBeNull();
    // Nothing of the other organisation can be linked in.
    const otherDoc = (await other.as.OWNER.ok(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`, { input: { organizationId: other.id, title: 'Theirs', kind: 'OTHER' } }))
      .createDocument.document;
    expect((await org.as.ISMS_MANAGER.request(UPDATE, { input: { id: course.id, version: 1, materialDocumentId: otherDoc.id } })).errors?.[0]?.extensions).toMatchObject({ reason: 'UNKNOWN_DOCUMENT' });
    const otherEvidence = await upload('/uploads', other.as.OWNER, other.id, Buffer.from('theirs'), 'text/plain', 'theirs.txt');
    expect((await org.as.ISMS_MANAGER.request(RECORD, { input: { courseId: course.id, userId: org.users.EMPLOYEE.id, completedOn: addDays(today, -1), evidenceId: otherEvidence.body.id } })).errors?.[0]?.extensions).toMatchObject({
      reason: 'UNKNOWN_EVIDENCE',
    });
    // Uploading against another organisation's course.
    expect((await upload('/training/evidence', other.as.EMPLOYEE, other.id, Buffer.from('x'), 'text/plain', 'x.txt', { courseId: course.id })).status).toBe(400);
    expect((await upload('/training/evidence', other.as.EMPLOYEE, org.id, Buffer.from('x'), 'text/plain', 'x.txt', { courseId: course.id })).status).toBe(404);
    // The other organisation's coverage is its own.
    expect((await other.as.OWNER.ok(COVERAGE, { id: other.id })).organization.trainingCoverage).toMatchObject({ assigned: 0, ratio: null, percent: null, byCourse: [], byRole: [] });
  });
});

describe('training: lists cost a handful of statements', () => {
  it('does not grow with the number of courses and people', async () => {
    const small = await buildOrganization(server, 'Small programme B.V.');
    const large = await buildOrganization(server, 'Large programme B.V.');
    for (const [target, n] of [[small, 1], [large, 8]] as const) {
      for (let i = 0; i < n; i += 1) {
        const course = await createCourse(target, { title: `Course ${i}`, refresherMonths: 12 });
        await target.as.ISMS_MANAGER.ok(ASSIGN, { input: { courseId: course.id, roles: [...ROLES], dueDate: addDays(today, 20) } });
        await target.as.ISMS_MANAGER.ok(RECORD, { input: { courseId: course.id, userId: target.users.EMPLOYEE.id } });
      }
    }
    const query = `query($id: ID!) { organization(id: $id) {
      courses { id title materialDocument { id } roleAssignments { role } viewerAssignment { status latestRecord { id } }
        coverage { assigned percent missing { user { name } status } } assignments { status user { name } latestRecord { completedOn recordedBy { name } } } records { id user { name } } }
      trainingCoverage { assigned byCourse { course { title } missing { user { name } course { title } } } byRole { role missing { user { name } } } }
      myTraining { course { title } latestRecord { id } } } }`;
    const statements = async (target: TestOrg) => {
      await target.as.OWNER.ok(query, { id: target.id });
      await target.as.OWNER.request(query, { id: target.id });
      return Number(target.as.OWNER.lastHeaders!.get('x-sql-statements'));
    };
    const [few, many] = [await statements(small), await statements(large)];
    expect(few).toBeGreaterThan(0);
    // DataLoader batches per tick, so the two may differ by a statement; an N+1 would add at least one per course (7 here).
    expect(many).toBeLessThanOrEqual(few + 2);
  });
});
