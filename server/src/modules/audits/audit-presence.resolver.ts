import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Role } from '@annex/domain';
import { Can } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { DateTimeScalar } from '../../core/scalars.js';
import { authorizeRecord } from '../../app/nodes.js';
import { User } from '../identity/user.entity.js';
import { RoleEnum } from '../organizations/role.enum.js';
import { Audit } from './audit.entity.js';
import { PRESENCE_HEARTBEAT_SECONDS, PRESENCE_TTL_SECONDS, type PresenceRow } from './audit-presence.service.js';

@ObjectType('AuditParticipant', { description: 'A person looking at the audit’s live board now.' })
export class AuditParticipant {
  userId!: string;

  @Field(() => RoleEnum, { description: 'Their role in the organisation.' })
  role!: Role;

  @Field(() => Boolean, { description: 'They lead the audit.' })
  isLeadAuditor!: boolean;

  @Field(() => Boolean, { description: 'They lead the audit or are on its team.' })
  onAuditTeam!: boolean;

  @Field(() => DateTimeScalar, { description: 'On the board since (their earliest open tab).' })
  since!: Date;

  @Field(() => DateTimeScalar)
  lastSeenAt!: Date;
}

@InputType('JoinAuditBoardInput')
export class JoinAuditBoardInput {
  @Field(() => ID)
  auditId!: string;

  @Field(() => String, { nullable: true, description: 'One id per open board (browser tab), so that closing one tab does not end the others. Letters, digits, - and _.' })
  clientId?: string | null;
}

@InputType('LeaveAuditBoardInput')
export class LeaveAuditBoardInput {
  @Field(() => ID)
  auditId!: string;

  @Field(() => String, { nullable: true })
  clientId?: string | null;
}

@ObjectType('JoinAuditBoardPayload')
class JoinAuditBoardPayload {
  @Field(() => Audit, { description: 'Select `onlineParticipants` to refresh the list with each heartbeat.' })
  audit!: Audit;

  @Field(() => Int, { description: 'Call joinAuditBoard again within this many seconds to stay on the board.' })
  heartbeatSeconds!: number;

  @Field(() => Int, { description: 'A board not heard from for this long is no longer listed.' })
  expiresAfterSeconds!: number;
}

@ObjectType('LeaveAuditBoardPayload')
class LeaveAuditBoardPayload {
  @Field(() => Audit)
  audit!: Audit;
}

/** Per-request batching of `Audit.onlineParticipants`, keyed by the request's loaders (renewed per live event). */
const participantLoaders = new WeakMap<object, DataLoader<string, PresenceRow[]>>();

function participantsLoader(ctx: RequestContext): DataLoader<string, PresenceRow[]> {
  let loader = participantLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, PresenceRow[]>(async (auditIds) => {
      const rows = await ctx.services.auditPresence.participants(ctx.services.db.dataSource.manager, auditIds);
      return auditIds.map((id) => rows.filter((r) => r.auditId === id));
    });
    participantLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

/**
 * "Who is online" on an audit's live board. Anyone who may read the audit (an auditor only the
 * audits they are on) joins, stays with a heartbeat and leaves; arrivals and departures reach
 * every open board through the organisation's live events. Nothing here is an audit-trail entry.
 */
@Resolver(() => Audit)
export class AuditPresenceResolver {
  @Mutation(() => JoinAuditBoardPayload, { description: 'You are on the audit’s live board (first call), or still there (heartbeat).' })
  @Can('audit:read')
  async joinAuditBoard(@Arg('input', () => JoinAuditBoardInput) input: JoinAuditBoardInput, @Ctx() ctx: RequestContext): Promise<JoinAuditBoardPayload> {
    const { record, scope } = await authorizeRecord<Audit>(ctx, 'Audit', input.auditId, 'audit:read', 'Audit');
    const clientId = ctx.services.auditPresence.validClientId(input.clientId);
    await ctx.services.auditPresence.join(scope, record.id, clientId);
    return { audit: record, heartbeatSeconds: PRESENCE_HEARTBEAT_SECONDS, expiresAfterSeconds: PRESENCE_TTL_SECONDS };
  }

  @Mutation(() => LeaveAuditBoardPayload, { description: 'You closed the audit’s live board (this tab).' })
  @Can('audit:read')
  async leaveAuditBoard(@Arg('input', () => LeaveAuditBoardInput) input: LeaveAuditBoardInput, @Ctx() ctx: RequestContext): Promise<LeaveAuditBoardPayload> {
    const { record, scope } = await authorizeRecord<Audit>(ctx, 'Audit', input.auditId, 'audit:read', 'Audit');
    await ctx.services.auditPresence.leave(scope, record.id, ctx.services.auditPresence.validClientId(input.clientId));
    return { audit: record };
  }

  @FieldResolver(() => [AuditParticipant], { description: 'The people on the audit’s live board now (heard from within the last 40 seconds), earliest first.' })
  async onlineParticipants(@Root() audit: Audit, @Ctx() ctx: RequestContext): Promise<AuditParticipant[]> {
    const rows = await participantsLoader(ctx).load(audit.id);
    return rows.map((r) => Object.assign(new AuditParticipant(), { userId: r.userId, role: r.role, isLeadAuditor: r.isLeadAuditor, onAuditTeam: r.onAuditTeam, since: r.since, lastSeenAt: r.lastSeenAt }));
  }
}

@Resolver(() => AuditParticipant)
export class AuditParticipantResolver {
  @FieldResolver(() => User)
  async user(@Root() participant: AuditParticipant, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(participant.userId))!;
  }
}
