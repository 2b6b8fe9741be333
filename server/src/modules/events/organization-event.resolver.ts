import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { roleCan, type Role } from '@annex/domain';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import type { StoredEvent } from '../../core/events/event-hub.js';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';
import { createLoaders, type Loaders } from '../../app/loaders.js';
import { resolveNode } from '../../app/nodes.js';
import { callerKeyOf } from '../../app/hardening.js';
import { User } from '../identity/user.entity.js';

@ObjectType('OrganizationEvent', { description: 'One committed change of an organisation, in commit order.' })
export class OrganizationEvent {
  @Field(() => String, { description: 'Pass the last one you saw as `after` to resume without gaps or duplicates.' })
  cursor!: string;

  @Field(() => String, { description: '`<entity>.<verb>`, e.g. task.created, approvalRequest.decided.' })
  type!: string;

  @Field(() => String)
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  actorId!: string | null;

  /** The entity as the subscriber may see it now; null when deleted. */
  nodeValue!: Node | null;

  /** The event this delivers: subscribers of one person share one execution (see shared-execution). */
  delivery!: StoredEvent;
}

/** Who may learn that an entity of this type was deleted (its row is gone, so no row rule applies). */
const READ_ACTION_OF_DELETED: Record<string, string> = {
  Task: 'task:readAll',
  Membership: 'member:read',
  Invitation: 'invitation:read',
  ApiToken: 'member:remove',
  Comment: 'comment:read',
  Asset: 'asset:read',
  Risk: 'risk:read',
};

/**
 * One set of loaders per event, shared by every subscriber of this process it is delivered to:
 * the loaders only load (each subscriber's rules decide what it may see), so the roles, the
 * entity and everything the subscription selects load once for all of them, in a handful of
 * statements, instead of once per subscriber.
 */
const loadersOfEvent = new WeakMap<StoredEvent, Loaders>();

function loadersFor(ctx: RequestContext, event: StoredEvent): Loaders {
  let loaders = loadersOfEvent.get(event);
  if (!loaders) {
    loaders = createLoaders(ctx.services.db.dataSource);
    loadersOfEvent.set(event, loaders);
  }
  return loaders;
}

/** What one event looks like to one person: their role then, and the entity as they may see it. */
interface View {
  role: Role | null;
  node: Node | null;
}

const viewsOfEvent = new WeakMap<StoredEvent, Map<string, Promise<View>>>();

/** Decided once per event and person (however many sockets they have open), with the event's loaders. */
function viewOf(ctx: RequestContext, organizationId: string, event: StoredEvent): Promise<View> {
  const key = callerKeyOf(ctx.viewer) ?? '';
  let views = viewsOfEvent.get(event);
  if (!views) viewsOfEvent.set(event, (views = new Map()));
  let view = views.get(key);
  if (!view) {
    view = (async () => {
      const role = await roleIn(ctx, organizationId);
      return { role, node: role ? await resolveNode(ctx, event.entityId) : null };
    })();
    views.set(key, view);
  }
  return view;
}

/**
 * The live stream of one organisation for one subscriber: each event is delivered only if the
 * subscriber (with their role at that moment) may see the entity. Loaders and roles are
 * refreshed per event so that nothing stale is shown; losing membership ends the stream.
 */
async function* visibleEvents(ctx: RequestContext, organizationId: string, after: number | null): AsyncGenerator<OrganizationEvent> {
  for await (const event of ctx.services.events.events(organizationId, after)) {
    ctx.loaders = loadersFor(ctx, event);
    ctx.roles.clear();
    const { role, node } = await viewOf(ctx, organizationId, event);
    if (!role) return;
    if (!node && !deletedVisible(role, event)) continue;
    yield Object.assign(new OrganizationEvent(), {
      cursor: String(event.seq),
      type: event.type,
      entityType: event.entityType,
      entityId: event.entityId,
      at: event.at,
      actorId: event.actorId,
      nodeValue: node,
      delivery: event,
    });
  }
}

function deletedVisible(role: Role, event: StoredEvent): boolean {
  const action = READ_ACTION_OF_DELETED[event.entityType];
  return !!action && roleCan(role, action);
}

@Resolver(() => OrganizationEvent)
export class OrganizationEventResolver {
  @Subscription(() => OrganizationEvent, {
    description: 'Every change of the organisation you may see, in commit order, live. Resume with `after`.',
    subscribe: (async ({ args, context }: { args: Record<string, unknown>; context: RequestContext }) => {
      const organizationId = String(args['organizationId']);
      await authorize(context, 'organization:read', organizationId);
      const raw = args['after'];
      let after: number | null = null;
      if (raw !== null && raw !== undefined) {
        if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw badInput('after', 'Unknown cursor.', 'BAD_CURSOR');
        after = Number(raw);
        await context.services.events.assertCursor(organizationId, after);
      }
      return visibleEvents(context, organizationId, after);
    }) as never,
  })
  @Can('organization:read')
  organizationEvents(
    @Root() event: OrganizationEvent,
    @Arg('organizationId', () => ID) _organizationId: string,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
  ): OrganizationEvent {
    return event;
  }

  @FieldResolver(() => User, { nullable: true })
  async actor(@Root() event: OrganizationEvent, @Ctx() ctx: RequestContext): Promise<User | null> {
    return event.actorId ? ctx.loaders.userById.load(event.actorId) : null;
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The entity now, as you may see it; null once deleted.' })
  node(@Root() event: OrganizationEvent): Node | null {
    return event.nodeValue;
  }
}
