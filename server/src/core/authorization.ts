import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { Extensions, type MiddlewareFn } from 'type-graphql';
import { isOrgAction, roleCan, type Action, type OrgAction, type Role } from '@annex/domain';
import type { RequestContext } from './context.js';
import { AppError, forbidden, notFound, unauthenticated } from './errors.js';

/**
 * Declares the action an operation needs. Every root field must carry one (deny by default:
 * the global guard refuses fields without it), and `test/api/authorization.test.ts` snapshots
 * the operation → action table so every permission change shows up in review.
 */
export function Can(action: Action): MethodDecorator & PropertyDecorator {
  return Extensions({ action });
}

/**
 * The proof that a caller may act in an organisation. Services demand one: they cannot be
 * called without first passing `authorize`, and they filter everything by its organisationId.
 */
export class OrgScope {
  private constructor(
    readonly organizationId: string,
    readonly userId: string,
    readonly role: Role,
    readonly action: OrgAction,
  ) {}

  /** @internal only `authorize` and the example-data loader mint scopes. */
  static mint(organizationId: string, userId: string, role: Role, action: OrgAction): OrgScope {
    return new OrgScope(organizationId, userId, role, action);
  }

  can(action: OrgAction): boolean {
    return roleCan(this.role, action);
  }
}

export async function roleIn(ctx: RequestContext, organizationId: string): Promise<Role | null> {
  const viewer = ctx.viewer;
  if (!viewer) return null;
  if (viewer.apiToken && viewer.apiToken.organizationId !== organizationId) return null;
  let role = ctx.roles.get(organizationId);
  if (!role) {
    role = ctx.loaders.membershipByOrgAndUser
      .load(`${organizationId}:${viewer.user.id}`)
      .then((membership) => membership?.role ?? null);
    ctx.roles.set(organizationId, role);
  }
  return role;
}

/**
 * Checks that the signed-in caller may perform `action` in the organisation and returns the
 * scope. An organisation the caller does not belong to answers exactly like a missing one.
 */
export async function authorize(ctx: RequestContext, action: OrgAction, organizationId: string, what = 'Organization'): Promise<OrgScope> {
  if (!ctx.viewer) throw unauthenticated();
  const role = await roleIn(ctx, organizationId);
  if (!role) throw notFound(what);
  if (!roleCan(role, action)) throw forbidden(`Your role (${role}) does not allow ${action}.`);
  return OrgScope.mint(organizationId, ctx.viewer.user.id, role, action);
}

/** Like `authorize`, but answers null instead of throwing (for fields that are null when hidden). */
export async function tryAuthorize(ctx: RequestContext, action: OrgAction, organizationId: string): Promise<OrgScope | null> {
  try {
    return await authorize(ctx, action, organizationId);
  } catch (error) {
    if (error instanceof AppError && error.code !== 'UNAUTHENTICATED') return null;
    throw error;
  }
}

export function requireViewer(ctx: RequestContext) {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Deny by default. Root fields without a declared action are refused; `authenticated` ones
 * need a signed-in caller; organisation actions need one too (and their resolver calls
 * `authorize` with the organisation concerned). Nested fields that declare an action are
 * checked by their resolvers.
 */
export const authorizationGuard: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  if (!ROOT_TYPES.has(info.parentType.name)) return next();
  const field = info.parentType.getFields()[info.fieldName];
  const action = field?.extensions?.['action'];
  if (typeof action !== 'string') throw forbidden(`${info.parentType.name}.${info.fieldName} declares no action.`);
  if (action === 'public') return next();
  if (!context.viewer) throw unauthenticated();
  if (action !== 'authenticated' && !isOrgAction(action)) throw forbidden(`Unknown action ${action}.`);
  return next();
};

/**
 * Puts `authorizationGuard` in front of every root field (Query, Mutation, Subscription) of the
 * built schema. The guard only ever acts on root fields: as a type-graphql global middleware it
 * also wrapped every nested field — `title`, `id` — in an async chain of a few promises each,
 * which was most of the CPU time of a large page and of a live delivery to many subscribers.
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context, info) =>
        authorizationGuard({ root, args, context, info } as Parameters<typeof authorizationGuard>[0], async () => resolve(root, args, context, info));
    }
  }
  return schema;
}
