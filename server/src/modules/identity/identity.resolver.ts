import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuditEvent } from '../../core/audit/audit-event.entity.js';
import { pageSize } from '../../core/pagination.js';
import { Can, requireViewer } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { Membership } from '../organizations/membership.entity.js';
import { ApiToken } from '../api-tokens/api-token.entity.js';
import { beginSession, clearSessionCookie } from '../../app/http-auth.js';
import type { User } from './user.entity.js';
import {
  ChangePasswordInput,
  ChangePasswordPayload,
  SignInInput,
  SignInPayload,
  SignOutPayload,
  SignUpInput,
  SignUpPayload,
  UpdateProfileInput,
  UpdateProfilePayload,
  ViewerType,
} from './identity.types.js';

const meta = (ctx: RequestContext) => ({ ip: ctx.ip, userAgent: ctx.userAgent });
const toViewer = (user: User): ViewerType => Object.assign(new ViewerType(), { id: user.id, email: user.email, name: user.name });

@Resolver(() => ViewerType)
export class IdentityResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in person; null when signed out.' })
  @Can('public')
  viewer(@Ctx() ctx: RequestContext): ViewerType | null {
    return ctx.viewer ? toViewer(ctx.viewer.user) : null;
  }

  @FieldResolver(() => [Membership])
  async memberships(@Root() viewer: ViewerType, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    const memberships = await ctx.loaders.membershipsByUser.load(viewer.id);
    // An API token sees only the organisation it was made for.
    const tokenOrg = ctx.viewer?.apiToken?.organizationId;
    return tokenOrg ? memberships.filter((m) => m.organizationId === tokenOrg) : memberships;
  }

  @FieldResolver(() => [ApiToken], { description: 'Your active API tokens, in every organisation.' })
  async apiTokens(@Root() viewer: ViewerType, @Ctx() ctx: RequestContext): Promise<ApiToken[]> {
    const tokens = await ctx.services.apiTokens.listForUser(viewer.id);
    const tokenOrg = ctx.viewer?.apiToken?.organizationId;
    return tokenOrg ? tokens.filter((t) => t.organizationId === tokenOrg) : tokens;
  }

  @FieldResolver(() => [AuditEvent], { description: 'Your sign-ins, failed sign-ins and password changes, newest first.' })
  async accountActivity(
    @Root() viewer: ViewerType,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEvent[]> {
    if (ctx.viewer?.apiToken) return [];
    return ctx.services.auditTrail.accountActivity(viewer.id, pageSize(first));
  }

  @Mutation(() => SignUpPayload)
  @Can('public')
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: RequestContext): Promise<SignUpPayload> {
    const { user, sessionToken } = await ctx.services.accounts.signUp(input, meta(ctx));
    beginSession(ctx, user, sessionToken);
    return { viewer: toViewer(user) };
  }

  @Mutation(() => SignInPayload)
  @Can('public')
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: RequestContext): Promise<SignInPayload> {
    const { user, sessionToken } = await ctx.services.accounts.signIn(input, meta(ctx));
    beginSession(ctx, user, sessionToken);
    return { viewer: toViewer(user) };
  }

  @Mutation(() => SignOutPayload)
  @Can('public')
  async signOut(@Ctx() ctx: RequestContext): Promise<SignOutPayload> {
    const ok = await ctx.services.accounts.signOut(ctx.viewer, meta(ctx));
    clearSessionCookie(ctx);
    return { ok };
  }

  @Mutation(() => ChangePasswordPayload, { description: 'Ends every session of the account; this browser gets a new one.' })
  @Can('authenticated')
  async changePassword(
    @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ChangePasswordPayload> {
    const { user, sessionToken } = await ctx.services.accounts.changePassword(requireViewer(ctx), input, meta(ctx));
    beginSession(ctx, user, sessionToken);
    return { viewer: toViewer(user) };
  }

  @Mutation(() => UpdateProfilePayload)
  @Can('authenticated')
  async updateProfile(
    @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UpdateProfilePayload> {
    const user = await ctx.services.accounts.updateProfile(requireViewer(ctx), input, meta(ctx));
    return { viewer: toViewer(user) };
  }
}
