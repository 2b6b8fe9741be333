import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Can, authorize, requireViewer } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { isIdOf } from '../../core/ids.js';
import { DateTimeScalar } from '../../core/scalars.js';
import { Organization } from '../organizations/organization.entity.js';
import { ApiToken } from './api-token.entity.js';

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'No expiry when omitted.' })
  expiresAt?: Date | null;
}

@ObjectType('CreateApiTokenPayload')
export class CreateApiTokenPayload {
  @Field(() => ApiToken)
  token!: ApiToken;

  @Field(() => String, { description: 'The secret, shown this once: use it as `Authorization: Bearer <secret>`.' })
  secret!: string;
}

@InputType('RevokeApiTokenInput')
export class RevokeApiTokenInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType('RevokeApiTokenPayload')
export class RevokeApiTokenPayload {
  @Field(() => ID)
  revokedApiTokenId!: string;
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() token: ApiToken, @Ctx() ctx: RequestContext): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(token.organizationId))!;
  }

  @Mutation(() => CreateApiTokenPayload)
  @Can('apiToken:create')
  async createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreateApiTokenPayload> {
    const scope = await authorize(ctx, 'apiToken:create', input.organizationId);
    return ctx.services.apiTokens.create(scope, requireViewer(ctx), input, actorOf(ctx));
  }

  @Mutation(() => RevokeApiTokenPayload)
  @Can('apiToken:revoke')
  async revokeApiToken(@Arg('input', () => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() ctx: RequestContext): Promise<RevokeApiTokenPayload> {
    requireViewer(ctx);
    const token = isIdOf('ApiToken', input.id) ? await ctx.services.apiTokens.find(input.id) : null;
    if (!token) throw notFound('API token');
    const scope = await authorize(ctx, 'apiToken:revoke', token.organizationId, 'API token');
    return { revokedApiTokenId: await ctx.services.apiTokens.revoke(scope, token, actorOf(ctx)) };
  }
}
