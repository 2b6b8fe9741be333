import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Can, authorize } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { AuditEvent } from '../../core/audit/audit-event.entity.js';
import { ConnectionType, PageArgs, pageSize, type Connection } from '../../core/pagination.js';
import { DateTimeScalar } from '../../core/scalars.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../identity/user.entity.js';

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@InputType('AuditTrailFilter')
export class AuditTrailFilterInput {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'An action, or its prefix such as `member.`.' })
  action?: string | null;

  @Field(() => String, { nullable: true })
  entityType?: string | null;

  @Field(() => ID, { nullable: true })
  entityId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;
}

@ObjectType('AuditTrailVerification')
export class AuditTrailVerification {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int, { description: 'How many rows were checked.' })
  checked!: number;

  @Field(() => ID, { nullable: true, description: 'The first row whose hash or link does not match.' })
  firstBrokenId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Its position in the chain (the `#` of the audit trail page).' })
  firstBrokenSeq!: number | null;
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => User, { nullable: true })
  async actor(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<User | null> {
    return event.actorId ? ctx.loaders.userById.load(event.actorId) : null;
  }
}

@Resolver(() => Organization)
export class AuditTrailResolver {
  @FieldResolver(() => AuditEventConnection, { nullable: true, description: 'Newest first; null (with FORBIDDEN) for roles that may not read it.' })
  @Can('auditTrail:read')
  async auditTrail(
    @Root() org: Organization,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditTrailFilterInput, { nullable: true }) filter: AuditTrailFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<AuditEvent>> {
    const scope = await authorize(ctx, 'auditTrail:read', org.id);
    return ctx.services.auditTrail.list(scope, filter ?? {}, pageSize(page.first), page.after);
  }

  @Query(() => AuditTrailVerification, { description: "Walks the organisation's hash chain and reports the first broken row." })
  @Can('auditTrail:verify')
  async verifyAuditTrail(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: RequestContext): Promise<AuditTrailVerification> {
    const scope = await authorize(ctx, 'auditTrail:verify', organizationId);
    return ctx.services.auditTrail.verify(scope);
  }
}
