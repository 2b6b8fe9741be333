import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authorizationGuard } from '../core/authorization.js';
import { HealthResolver } from '../modules/health/health.resolver.js';
import { IdentityResolver } from '../modules/identity/identity.resolver.js';
import { MembershipResolver, OrganizationResolver } from '../modules/organizations/organization.resolver.js';
import { ApiTokenResolver } from '../modules/api-tokens/api-token.resolver.js';
import { AuditEventResolver, AuditTrailResolver } from '../modules/audit-trail/audit-trail.resolver.js';

export const RESOLVERS = [
  HealthResolver,
  IdentityResolver,
  OrganizationResolver,
  MembershipResolver,
  ApiTokenResolver,
  AuditTrailResolver,
  AuditEventResolver,
] as const;

let cached: Promise<GraphQLSchema> | null = null;

/** The schema, built once per process from the resolvers (type-graphql). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS as unknown as [Function, ...Function[]],
    globalMiddlewares: [authorizationGuard],
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}

/** The SDL committed as `server/schema.graphql`: sorted, so that diffs show real changes only. */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
