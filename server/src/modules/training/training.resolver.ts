import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { isTrainingCurrent, isTrainingLate, roleCan, trainingCoverage, trainingNextDueOn, trainingStatus, todayUtc, type Role, type TrainingCoverageCounts, type TrainingStatus } from '@annex/domain';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { DateScalar } from '../../core/scalars.js';
import { providedFields } from '../../core/validation.js';
import { authorizeRecord, resolveNode } from '../../app/nodes.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { RoleEnum } from '../organizations/role.enum.js';
import { Document } from '../documents/document.entity.js';
import { Evidence } from '../audits/audit.entity.js';
import {
  Course,
  CourseAssignment,
  CourseCoverage,
  CourseRoleAssignment,
  TrainingCoverage,
  TrainingRecord,
  TrainingStatusEnum,
  type AssignmentState,
} from './training.entity.js';
import {
  ArchiveCourseInput,
  ArchiveCoursePayload,
  AssignCourseInput,
  AssignCoursePayload,
  CreateCourseInput,
  CreateCoursePayload,
  DeleteTrainingRecordInput,
  DeleteTrainingRecordPayload,
  RecordTrainingCompletionInput,
  RecordTrainingCompletionPayload,
  UnassignCourseInput,
  UnassignCoursePayload,
  UpdateCourseInput,
  UpdateCoursePayload,
} from './training.types.js';
import { byUrgency } from './training.service.js';

/** The whole percentage, rounded, but 100 only when nobody is missing. */
function withPercent<T extends TrainingCoverageCounts>(counts: T): T & { percent: number | null } {
  if (counts.ratio === null) return { ...counts, percent: null };
  return { ...counts, percent: counts.current === counts.assigned ? 100 : Math.min(99, Math.round(counts.ratio * 100)) };
}

async function canReadCoverage(ctx: RequestContext, organizationId: string): Promise<boolean> {
  return roleCan(await roleIn(ctx, organizationId), 'training:readCoverage');
}

/** An assignment's state: already loaded with lists, otherwise through the per-request loader. */
async function stateOf(ctx: RequestContext, assignment: CourseAssignment): Promise<AssignmentState> {
  if (assignment.state) return assignment.state;
  const loaded = await ctx.loaders.training.stateByAssignment.load(assignment.id);
  if (loaded?.state) return loaded.state;
  // No longer a member: the dates alone, as if never completed.
  const dates = { dueDate: assignment.dueDate, completedOn: null, expiresOn: null };
  return { role: 'EMPLOYEE', latestRecordId: null, completedOn: null, expiresOn: null, status: trainingStatus(dates, todayUtc()), nextDueOn: trainingNextDueOn(dates) };
}

@Resolver(() => Course)
export class CourseResolver {
  @Mutation(() => CreateCoursePayload, { description: 'Adds a course to the training programme.' })
  @Can('training:manage')
  async createCourse(@Arg('input', () => CreateCourseInput) input: CreateCourseInput, @Ctx() ctx: RequestContext): Promise<CreateCoursePayload> {
    const scope = await authorize(ctx, 'training:manage', input.organizationId);
    const { organizationId: _org, ...fields } = input;
    return { course: await ctx.services.training.create(scope, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => UpdateCoursePayload, { description: 'Changes a course’s details; `version` is the one you saw (a stale one is a CONFLICT).' })
  @Can('training:manage')
  async updateCourse(@Arg('input', () => UpdateCourseInput) input: UpdateCourseInput, @Ctx() ctx: RequestContext): Promise<UpdateCoursePayload> {
    const { scope } = await authorizeRecord<Course>(ctx, 'Course', input.id, 'training:manage', 'Course');
    const { id, version, ...fields } = input;
    return { course: await ctx.services.training.update(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => ArchiveCoursePayload, { description: 'Archives a course (no longer assigned, reminded or counted) or, with archived: false, restores it.' })
  @Can('training:manage')
  async archiveCourse(@Arg('input', () => ArchiveCourseInput) input: ArchiveCourseInput, @Ctx() ctx: RequestContext): Promise<ArchiveCoursePayload> {
    const { scope } = await authorizeRecord<Course>(ctx, 'Course', input.id, 'training:manage', 'Course');
    return { course: await ctx.services.training.setArchived(scope, input.id, input.archived !== false, actorOf(ctx)) };
  }

  @Mutation(() => AssignCoursePayload, { description: 'Assigns a course to roles (and whoever joins them later) and to people, with a due date.' })
  @Can('training:manage')
  async assignCourse(@Arg('input', () => AssignCourseInput) input: AssignCourseInput, @Ctx() ctx: RequestContext): Promise<AssignCoursePayload> {
    const { scope } = await authorizeRecord<Course>(ctx, 'Course', input.courseId, 'training:manage', 'Course');
    return { course: await ctx.services.training.assign(scope, input.courseId, input, actorOf(ctx)) };
  }

  @Mutation(() => UnassignCoursePayload, { description: 'Withdraws a course from roles or people; their completion records stay.' })
  @Can('training:manage')
  async unassignCourse(@Arg('input', () => UnassignCourseInput) input: UnassignCourseInput, @Ctx() ctx: RequestContext): Promise<UnassignCoursePayload> {
    const { scope } = await authorizeRecord<Course>(ctx, 'Course', input.courseId, 'training:manage', 'Course');
    return { course: await ctx.services.training.unassign(scope, input.courseId, input, actorOf(ctx)) };
  }

  @Mutation(() => RecordTrainingCompletionPayload, {
    description: 'Records that a person completed a course. Everyone records their own (with evidence or attested: true); ISMS managers record for others.',
  })
  @Can('training:complete')
  async recordTrainingCompletion(
    @Arg('input', () => RecordTrainingCompletionInput) input: RecordTrainingCompletionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordTrainingCompletionPayload> {
    const { scope } = await authorizeRecord<Course>(ctx, 'Course', input.courseId, 'training:complete', 'Course');
    return { record: await ctx.services.training.record(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => DeleteTrainingRecordPayload, { description: 'Removes a completion recorded by mistake.' })
  @Can('training:manage')
  async deleteTrainingRecord(@Arg('input', () => DeleteTrainingRecordInput) input: DeleteTrainingRecordInput, @Ctx() ctx: RequestContext): Promise<DeleteTrainingRecordPayload> {
    const { scope } = await authorizeRecord<TrainingRecord>(ctx, 'TrainingRecord', input.id, 'training:manage', 'Training record');
    return { deletedTrainingRecordId: await ctx.services.training.deleteRecord(scope, input.id, actorOf(ctx)) };
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document holding the material, when you may see it.' })
  async materialDocument(@Root() course: Course, @Ctx() ctx: RequestContext): Promise<Document | null> {
    return course.materialDocumentId ? ((await resolveNode(ctx, course.materialDocumentId)) as Document | null) : null;
  }

  @FieldResolver(() => [CourseRoleAssignment], { description: 'The roles the course is assigned to, in the order of the roles.' })
  async roleAssignments(@Root() course: Course, @Ctx() ctx: RequestContext): Promise<CourseRoleAssignment[]> {
    const order: Role[] = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR', 'EMPLOYEE'];
    return [...(await ctx.loaders.training.roleAssignmentsByCourse.load(course.id))].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  }

  @FieldResolver(() => [CourseAssignment], { nullable: true, description: 'Everyone it is assigned to, most urgent first. Null for those who may not read coverage.' })
  async assignments(@Root() course: Course, @Ctx() ctx: RequestContext): Promise<CourseAssignment[] | null> {
    if (!(await canReadCoverage(ctx, course.organizationId))) return null;
    return ctx.loaders.training.statesByCourse.load(course.id);
  }

  @FieldResolver(() => CourseCoverage, { nullable: true, description: 'Null for those who may not read coverage.' })
  async coverage(@Root() course: Course, @Ctx() ctx: RequestContext): Promise<CourseCoverage | null> {
    if (!(await canReadCoverage(ctx, course.organizationId))) return null;
    const list = await ctx.loaders.training.statesByCourse.load(course.id);
    const counts = withPercent(trainingCoverage(list.map((a) => a.state!.status)));
    return Object.assign(new CourseCoverage(), counts, { course, missing: list.filter((a) => !isTrainingCurrent(a.state!.status)).sort(byUrgency) });
  }

  @FieldResolver(() => [TrainingRecord], { nullable: true, description: 'Every completion recorded, newest first. Null for those who may not read coverage.' })
  async records(@Root() course: Course, @Ctx() ctx: RequestContext): Promise<TrainingRecord[] | null> {
    if (!(await canReadCoverage(ctx, course.organizationId))) return null;
    return ctx.loaders.training.recordsByCourse.load(course.id);
  }

  @FieldResolver(() => CourseAssignment, { nullable: true, description: 'Your own assignment to this course, if any.' })
  async viewerAssignment(@Root() course: Course, @Ctx() ctx: RequestContext): Promise<CourseAssignment | null> {
    if (!ctx.viewer) return null;
    return ctx.loaders.training.stateByCourseAndUser.load(`${course.id}:${ctx.viewer.user.id}`);
  }

  @FieldResolver(() => Boolean, { description: 'You may edit, assign and archive it.' })
  async viewerCanManage(@Root() course: Course, @Ctx() ctx: RequestContext): Promise<boolean> {
    return roleCan(await roleIn(ctx, course.organizationId), 'training:manage');
  }

  @FieldResolver(() => User, { nullable: true })
  async createdBy(@Root() course: Course, @Ctx() ctx: RequestContext): Promise<User | null> {
    return course.createdById ? ctx.loaders.userById.load(course.createdById) : null;
  }
}

@Resolver(() => CourseAssignment)
export class CourseAssignmentResolver {
  @FieldResolver(() => User)
  async user(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(assignment.userId))!;
  }

  @FieldResolver(() => Course)
  async course(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<Course> {
    return (await ctx.loaders.training.courseById.load(assignment.courseId))!;
  }

  @FieldResolver(() => RoleEnum, { description: 'The role the person holds now.' })
  async role(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<Role> {
    return (await stateOf(ctx, assignment)).role;
  }

  @FieldResolver(() => TrainingStatusEnum)
  async status(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<TrainingStatus> {
    return (await stateOf(ctx, assignment)).status;
  }

  @FieldResolver(() => Boolean, { description: 'Not completed by the due date, or the refresher lapsed.' })
  async overdue(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<boolean> {
    return isTrainingLate((await stateOf(ctx, assignment)).status);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'The date to (again) complete it by: the due date, or the expiry of the last completion; null when done for good.' })
  async nextDueOn(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await stateOf(ctx, assignment)).nextDueOn;
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  async completedOn(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await stateOf(ctx, assignment)).completedOn;
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  async expiresOn(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await stateOf(ctx, assignment)).expiresOn;
  }

  @FieldResolver(() => TrainingRecord, { nullable: true, description: 'The latest completion.' })
  async latestRecord(@Root() assignment: CourseAssignment, @Ctx() ctx: RequestContext): Promise<TrainingRecord | null> {
    const id = (await stateOf(ctx, assignment)).latestRecordId;
    return id ? ctx.loaders.training.recordById.load(id) : null;
  }
}

@Resolver(() => TrainingRecord)
export class TrainingRecordResolver {
  @FieldResolver(() => Course)
  async course(@Root() record: TrainingRecord, @Ctx() ctx: RequestContext): Promise<Course> {
    return (await ctx.loaders.training.courseById.load(record.courseId))!;
  }

  @FieldResolver(() => User)
  async user(@Root() record: TrainingRecord, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(record.userId))!;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who recorded it: the person themself, or a manager.' })
  async recordedBy(@Root() record: TrainingRecord, @Ctx() ctx: RequestContext): Promise<User | null> {
    return record.recordedById ? ctx.loaders.userById.load(record.recordedById) : null;
  }

  @FieldResolver(() => Boolean, { description: 'The person recorded it themself.' })
  selfRecorded(@Root() record: TrainingRecord): boolean {
    return record.recordedById === record.userId;
  }

  @FieldResolver(() => Boolean, { description: 'Its expiry date has come: it no longer counts.' })
  expired(@Root() record: TrainingRecord): boolean {
    return record.expiresOn !== null && record.expiresOn <= todayUtc();
  }

  @FieldResolver(() => Evidence, { nullable: true, description: 'The evidence attached, when you may open it.' })
  async evidence(@Root() record: TrainingRecord, @Ctx() ctx: RequestContext): Promise<Evidence | null> {
    return record.evidenceId ? ((await resolveNode(ctx, record.evidenceId)) as Evidence | null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The name of the evidence file, for the person and those who read coverage.' })
  async evidenceFilename(@Root() record: TrainingRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!record.evidenceId || !ctx.viewer) return null;
    if (record.userId !== ctx.viewer.user.id && !(await canReadCoverage(ctx, record.organizationId))) return null;
    return ctx.loaders.training.evidenceFilenameById.load(record.evidenceId);
  }
}

@Resolver(() => Organization)
export class OrganizationTrainingResolver {
  @FieldResolver(() => [Course], { nullable: true, description: 'The training programme, by title (archived courses last, when asked for).' })
  @Can('training:read')
  async courses(
    @Root() org: Organization,
    @Arg('includeArchived', () => Boolean, { nullable: true, defaultValue: false }) includeArchived: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Course[]> {
    const scope = await authorize(ctx, 'training:read', org.id);
    return ctx.services.training.list(scope, includeArchived);
  }

  @FieldResolver(() => TrainingCoverage, { nullable: true, description: 'Coverage overall, per course and per role, and who is missing (audit evidence for clauses 7.2 and 7.3).' })
  @Can('training:readCoverage')
  async trainingCoverage(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<TrainingCoverage> {
    const scope = await authorize(ctx, 'training:readCoverage', org.id);
    const result = await ctx.services.training.coverage(scope.organizationId);
    // The course rows of the coverage are the loaders' too, so that course fields below do not reload them.
    for (const row of result.byCourse) ctx.loaders.training.courseById.prime(row.course.id, row.course);
    return Object.assign(new TrainingCoverage(), withPercent(result), {
      byCourse: result.byCourse.map((row) => withPercent(row)),
      byRole: result.byRole.map((row) => withPercent(row)),
    });
  }

  @FieldResolver(() => [CourseAssignment], { nullable: true, description: 'Your own training: what is assigned to you, most urgent first.' })
  @Can('training:read')
  async myTraining(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<CourseAssignment[]> {
    const scope = await authorize(ctx, 'training:read', org.id);
    return ctx.services.training.myTraining(scope);
  }
}

