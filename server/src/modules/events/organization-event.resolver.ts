import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { roleCan, type Role } from '@annex/domain';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import type { StoredEvent } from '../../core/events/event-hub.js';
import { LiveStream, OutgoingPayload } from '../../core/events/live-stream.js';
import { sharedPayloads, type Recipient } from '../../core/events/shared-results.js';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';
import { createLoaders } from '../../app/loaders.js';
import { resolveNode } from '../../app/nodes.js';
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

/** What one event looks like to one person: their role then, and the entity as they may see it. */
interface View {
  role: Role | null;
  node: Node | null;
}

async function viewOf(ctx: RequestContext, organizationId: string, event: StoredEvent): Promise<View> {
  // Both at once (one round trip, not two): the entity's own rules look the role up too, and
  // find nothing visible to someone who is no longer a member.
  const [role, node] = await Promise.all([roleIn(ctx, organizationId), resolveNode(ctx, event.entityId)]);
  return { role, node: role ? node : null };
}

/** The streams of one cohort (one person, one operation) and what they share of an event. */
interface Audience extends Recipient {
  streams: LiveStream[];
  /** They may no longer see the organisation: their streams end. */
  ended: boolean;
  /** They may not see this entity: nothing is sent. */
  skipped: boolean;
}

/**
 * Gives one event to every live stream of the organisation in this process (the hub's delivery
 * function). One set of loaders serves the event: the roles, the entity and everything the
 * subscription selects load once for all streams, in a handful of statements. Each person's
 * role and view of the entity is decided once, however many tabs and devices they have open;
 * results are executed once per group of people who get the same answer (shared-results.ts) and
 * serialised once; then the bytes go to every socket in one loop, like a bare broadcast. Roles
 * are read per event so that nothing stale is shown; losing membership ends the stream.
 */
async function deliverEvent(event: StoredEvent, streams: readonly LiveStream[]): Promise<void> {
  const first = streams[0];
  if (!first) return;
  const loaders = createLoaders(first.ctx.services.db.dataSource);
  const audiences = new Map<string, Audience>();
  for (const stream of streams) {
    const audience = audiences.get(stream.cohort);
    if (audience) {
      audience.streams.push(stream);
      continue;
    }
    const ctx = stream.ctx;
    ctx.loaders = loaders;
    ctx.roles.clear();
    audiences.set(stream.cohort, { userId: ctx.viewer?.user.id ?? '', ctx, groupKey: '', execute: async () => '', streams: [stream], ended: false, skipped: false });
  }
  const roots = new Map<Node | null, OrganizationEvent>();
  const nodeNumbers = new Map<Node | null, number>();
  const failures = new Map<Audience, unknown>();
  await Promise.all(
    [...audiences.values()].map(async (audience) => {
      try {
        const { role, node } = await viewOf(audience.ctx, event.organizationId, event);
        if (!role) audience.ended = true;
        else if (!node && !deletedVisible(role, event)) audience.skipped = true;
        else {
          let root = roots.get(node);
          if (!root) {
            root = Object.assign(new OrganizationEvent(), {
              cursor: String(event.seq),
              type: event.type,
              entityType: event.entityType,
              entityId: event.entityId,
              at: event.at,
              actorId: event.actorId,
              nodeValue: node,
            });
            roots.set(node, root);
            nodeNumbers.set(node, nodeNumbers.size);
          }
          const stream = audience.streams[0]!;
          audience.groupKey = `${stream.operationKey}\n${role}\n${nodeNumbers.get(node)}`;
          audience.execute = (ctx) => stream.payloadJson(root, ctx);
        }
      } catch (error) {
        failures.set(audience, error);
      }
    }),
  );
  const receiving = [...audiences.values()].filter((a) => !a.ended && !a.skipped && !failures.has(a));
  const payloads = await sharedPayloads(receiving);
  // One message per payload and subscription id, encoded once (clients that number their
  // subscriptions per connection share the same bytes).
  const outgoing = new Map<string, OutgoingPayload>();
  const outgoingOf = (json: string) => {
    let payload = outgoing.get(json);
    if (!payload) outgoing.set(json, (payload = new OutgoingPayload(json)));
    return payload;
  };
  // Every payload is ready: the writes go out in one loop.
  for (const audience of audiences.values()) {
    const failure = failures.get(audience);
    const payload = payloads.get(audience);
    for (const stream of audience.streams) {
      if (failures.has(audience)) stream.end(failure ?? new Error('The event could not be delivered.'));
      else if (audience.ended) stream.end();
      else if (typeof payload === 'string') stream.send(outgoingOf(payload));
      else if (payload) stream.end(payload.error);
    }
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
      const events = context.services.events;
      return new LiveStream(
        (stream) => events.join(organizationId, stream, after, deliverEvent),
        (stream) => events.leave(organizationId, stream),
      );
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
