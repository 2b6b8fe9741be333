import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Can, requireViewer } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { Node } from '../../core/node.js';
import { ConnectionType, PageArgs, pageSize, type Connection } from '../../core/pagination.js';
import { resolveNode } from '../../app/nodes.js';
import { ViewerType } from '../identity/identity.types.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Notification, NotificationKindEnum, type NotificationKind } from './notification.entity.js';

export const NotificationConnection = ConnectionType(Notification, 'Notification');

@InputType('MarkNotificationsReadInput')
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'Omit to mark all as read.' })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'With no ids: only this organisation’s.' })
  organizationId?: string | null;
}

@ObjectType('MarkNotificationsReadPayload')
export class MarkNotificationsReadPayload {
  @Field(() => ViewerType)
  viewer!: ViewerType;

  @Field(() => Int)
  marked!: number;
}

@ObjectType('NotificationPreference')
export class NotificationPreference {
  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field(() => Boolean, { description: 'Also send an e-mail.' })
  email!: boolean;
}

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInput {
  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field(() => Boolean)
  email!: boolean;
}

@InputType('UpdateNotificationPreferencesInput')
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput])
  preferences!: NotificationPreferenceInput[];
}

@ObjectType('UpdateNotificationPreferencesPayload')
export class UpdateNotificationPreferencesPayload {
  @Field(() => ViewerType)
  viewer!: ViewerType;
}

/** An API token sees the notifications of its own organisation only. */
const tokenScope = (ctx: RequestContext, organizationId?: string | null): string[] | null => {
  const tokenOrg = ctx.viewer?.apiToken?.organizationId;
  if (tokenOrg) return organizationId && organizationId !== tokenOrg ? [] : [tokenOrg];
  return organizationId ? [organizationId] : null;
};

@Resolver(() => ViewerType)
export class ViewerNotificationsResolver {
  @FieldResolver(() => NotificationConnection, { description: 'Newest first.' })
  async notifications(
    @Root() viewer: ViewerType,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<Notification>> {
    return ctx.services.notifications.list(viewer.id, tokenScope(ctx, organizationId), pageSize(page.first), page.after, unreadOnly ?? false);
  }

  @FieldResolver(() => Int)
  async unreadNotificationCount(
    @Root() viewer: ViewerType,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    return ctx.services.notifications.unreadCount(viewer.id, tokenScope(ctx, organizationId));
  }

  @FieldResolver(() => [NotificationPreference], { description: 'Which notifications also arrive by e-mail.' })
  async notificationPreferences(@Root() viewer: ViewerType, @Ctx() ctx: RequestContext): Promise<NotificationPreference[]> {
    return ctx.services.notifications.preferences(viewer.id);
  }

  @Mutation(() => MarkNotificationsReadPayload)
  @Can('authenticated')
  async markNotificationsRead(
    @Arg('input', () => MarkNotificationsReadInput) input: MarkNotificationsReadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MarkNotificationsReadPayload> {
    const viewer = requireViewer(ctx);
    const marked = await ctx.services.notifications.markRead(viewer.user.id, input.ids ?? null, tokenScope(ctx, input.organizationId));
    return { viewer: Object.assign(new ViewerType(), { id: viewer.user.id, email: viewer.user.email, name: viewer.user.name }), marked };
  }

  @Mutation(() => UpdateNotificationPreferencesPayload)
  @Can('authenticated')
  async updateNotificationPreferences(
    @Arg('input', () => UpdateNotificationPreferencesInput) input: UpdateNotificationPreferencesInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UpdateNotificationPreferencesPayload> {
    const viewer = requireViewer(ctx);
    await ctx.services.notifications.setPreferences(viewer.user.id, input.preferences);
    return { viewer: Object.assign(new ViewerType(), { id: viewer.user.id, email: viewer.user.email, name: viewer.user.name }) };
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'What the notification is about, when you may still see it.' })
  async subject(@Root() notification: Notification, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return notification.subjectId ? resolveNode(ctx, notification.subjectId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async actor(@Root() notification: Notification, @Ctx() ctx: RequestContext): Promise<User | null> {
    return notification.actorId ? ctx.loaders.userById.load(notification.actorId) : null;
  }

  @FieldResolver(() => Organization)
  async organization(@Root() notification: Notification, @Ctx() ctx: RequestContext): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(notification.organizationId))!;
  }

  @FieldResolver(() => Boolean)
  read(@Root() notification: Notification): boolean {
    return notification.readAt !== null;
  }
}
