import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actionsOf } from '@annex/domain';
import { Can, authorize, requireViewer, roleIn, tryAuthorize } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { isIdOf } from '../../core/ids.js';
import { beginSession } from '../../app/http-auth.js';
import { ViewerType } from '../identity/identity.types.js';
import { User } from '../identity/user.entity.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';
import { RoleEnum } from './role.enum.js';
import type { Role } from '@annex/domain';
import {
  AcceptInvitationInput,
  AcceptInvitationPayload,
  CreateOrganizationInput,
  CreateOrganizationPayload,
  InvitationPreview,
  InviteMemberInput,
  InviteMemberPayload,
  RemoveMemberInput,
  RemoveMemberPayload,
  RevokeInvitationInput,
  RevokeInvitationPayload,
  UpdateMemberRoleInput,
  UpdateMemberRolePayload,
  UpdateOrganizationInput,
  UpdateOrganizationPayload,
} from './organization.types.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'Null when missing or not visible to you.' })
  @Can('organization:read')
  async organization(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    if (!isIdOf('Organization', id)) return null;
    const scope = await tryAuthorize(ctx, 'organization:read', id);
    return scope ? ctx.loaders.organizationById.load(id) : null;
  }

  @FieldResolver(() => [Membership])
  @Can('member:read')
  async members(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    await authorize(ctx, 'member:read', org.id);
    return ctx.loaders.membershipsByOrganization.load(org.id);
  }

  @FieldResolver(() => RoleEnum, { nullable: true, description: 'Your role in this organisation.' })
  async viewerRole(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<Role | null> {
    return roleIn(ctx, org.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may perform the action (module:verb) here.' })
  async viewerCan(@Root() org: Organization, @Arg('action', () => String) action: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    const role = await roleIn(ctx, org.id);
    return role ? (actionsOf(role) as string[]).includes(action) : false;
  }

  @FieldResolver(() => [String], { description: 'Every action you may perform here, for the client to show only what you may do.' })
  async viewerActions(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<string[]> {
    const role = await roleIn(ctx, org.id);
    return role ? actionsOf(role) : [];
  }

  @FieldResolver(() => [Invitation], { nullable: true, description: 'Pending invitations; null (with FORBIDDEN) for roles that may not see them.' })
  @Can('invitation:read')
  async invitations(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<Invitation[]> {
    const scope = await authorize(ctx, 'invitation:read', org.id);
    return ctx.services.members.pendingInvitations(scope);
  }

  @Mutation(() => CreateOrganizationPayload)
  @Can('authenticated')
  async createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreateOrganizationPayload> {
    const viewer = requireViewer(ctx);
    if (viewer.apiToken) throw forbidden('An API token cannot create organisations.');
    return { organization: await ctx.services.organizations.create(viewer.user, input.name, ctx.ip) };
  }

  @Mutation(() => UpdateOrganizationPayload)
  @Can('organization:update')
  async updateOrganization(
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UpdateOrganizationPayload> {
    const scope = await authorize(ctx, 'organization:update', input.organizationId);
    return { organization: await ctx.services.organizations.update(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => InviteMemberPayload)
  @Can('member:invite')
  async inviteMember(@Arg('input', () => InviteMemberInput) input: InviteMemberInput, @Ctx() ctx: RequestContext): Promise<InviteMemberPayload> {
    const scope = await authorize(ctx, 'member:invite', input.organizationId);
    return { invitation: await ctx.services.members.invite(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => RevokeInvitationPayload)
  @Can('invitation:revoke')
  async revokeInvitation(
    @Arg('input', () => RevokeInvitationInput) input: RevokeInvitationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RevokeInvitationPayload> {
    requireViewer(ctx);
    const invitation = isIdOf('Invitation', input.id) ? await ctx.services.db.dataSource.getRepository(Invitation).findOneBy({ id: input.id }) : null;
    if (!invitation) throw new AppError('NOT_FOUND', 'Invitation not found.');
    const scope = await authorize(ctx, 'invitation:revoke', invitation.organizationId, 'Invitation');
    return { revokedInvitationId: await ctx.services.members.revokeInvitation(scope, invitation.id, actorOf(ctx)) };
  }

  @Query(() => InvitationPreview, { nullable: true, description: 'The invitation behind a link; null when the token is unknown.' })
  @Can('public')
  async invitation(@Arg('token', () => String) token: string, @Ctx() ctx: RequestContext): Promise<InvitationPreview | null> {
    const found = await ctx.services.members.previewInvitation(token);
    if (!found) return null;
    const { invitation, organization, hasAccount } = found;
    const status = invitation.acceptedAt ? 'ACCEPTED' : invitation.revokedAt ? 'REVOKED' : invitation.expiresAt <= new Date() ? 'EXPIRED' : 'PENDING';
    return { organizationName: organization.name, email: invitation.email, role: invitation.role, status, hasAccount };
  }

  @Mutation(() => AcceptInvitationPayload)
  @Can('public')
  async acceptInvitation(
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AcceptInvitationPayload> {
    const { user, sessionToken, organizationId } = await ctx.services.members.acceptInvitation(input, ctx.viewer, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    beginSession(ctx, user, sessionToken);
    const organization = await ctx.loaders.organizationById.load(organizationId);
    return {
      viewer: Object.assign(new ViewerType(), { id: user.id, email: user.email, name: user.name }),
      organization: organization!,
    };
  }

  @Mutation(() => UpdateMemberRolePayload)
  @Can('member:updateRole')
  async updateMemberRole(
    @Arg('input', () => UpdateMemberRoleInput) input: UpdateMemberRoleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UpdateMemberRolePayload> {
    const scope = await authorize(ctx, 'member:updateRole', input.organizationId);
    return { membership: await ctx.services.members.updateRole(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => RemoveMemberPayload)
  @Can('member:remove')
  async removeMember(@Arg('input', () => RemoveMemberInput) input: RemoveMemberInput, @Ctx() ctx: RequestContext): Promise<RemoveMemberPayload> {
    const scope = await authorize(ctx, 'member:remove', input.organizationId);
    return { removedUserId: await ctx.services.members.remove(scope, input.userId, actorOf(ctx)) };
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() membership: Membership, @Ctx() ctx: RequestContext): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(membership.organizationId))!;
  }

  @FieldResolver(() => User)
  async user(@Root() membership: Membership, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(membership.userId))!;
  }
}
