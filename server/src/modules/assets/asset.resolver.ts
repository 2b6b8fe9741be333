import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { assetCriticality, canEditAsset, type AssetType } from '@annex/domain';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { providedFields } from '../../core/validation.js';
import { ConnectionType, PageArgs, pageSize, type Connection } from '../../core/pagination.js';
import { DateScalar } from '../../core/scalars.js';
import { authorizeRecord } from '../../app/nodes.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Asset, AssetTypeEnum } from './asset.entity.js';

export const AssetConnection = ConnectionType(Asset, 'Asset');

@InputType('CreateAssetInput')
export class CreateAssetInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AssetTypeEnum)
  type!: AssetType;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Int)
  confidentiality!: number;

  @Field(() => Int)
  integrity!: number;

  @Field(() => Int)
  availability!: number;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => DateScalar, { nullable: true })
  reviewDate?: string | null;
}

@InputType('UpdateAssetInput')
export class UpdateAssetInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => AssetTypeEnum, { nullable: true })
  type?: AssetType | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Int, { nullable: true })
  confidentiality?: number | null;

  @Field(() => Int, { nullable: true })
  integrity?: number | null;

  @Field(() => Int, { nullable: true })
  availability?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => DateScalar, { nullable: true })
  reviewDate?: string | null;
}

@InputType('DeleteAssetInput')
export class DeleteAssetInput {
  @Field(() => ID)
  id!: string;
}

@InputType('ImportAssetsInput')
export class ImportAssetsInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { description: 'CSV with a header row: name,type,owner_email,location,confidentiality,integrity,availability,review_date,description.' })
  csv!: string;
}

@InputType('AssetFilter')
export class AssetFilterInput {
  @Field(() => [AssetTypeEnum], { nullable: true })
  type?: AssetType[] | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}

@ObjectType('CreateAssetPayload')
export class CreateAssetPayload {
  @Field(() => Asset)
  asset!: Asset;
}

@ObjectType('UpdateAssetPayload')
export class UpdateAssetPayload {
  @Field(() => Asset)
  asset!: Asset;
}

@ObjectType('DeleteAssetPayload')
export class DeleteAssetPayload {
  @Field(() => ID)
  deletedAssetId!: string;
}

@ObjectType('ImportProblem')
export class ImportProblem {
  @Field(() => Int, { description: 'The line of the file (the header is line 1).' })
  row!: number;

  @Field(() => String)
  field!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('ImportAssetsPayload')
export class ImportAssetsPayload {
  @Field(() => Int)
  importedCount!: number;

  @Field(() => [Asset])
  assets!: Asset[];

  @Field(() => [ImportProblem], { description: 'Every refused row; when not empty, nothing was imported.' })
  problems!: ImportProblem[];
}

@Resolver(() => Asset)
export class AssetResolver {
  @Mutation(() => CreateAssetPayload)
  @Can('asset:create')
  async createAsset(@Arg('input', () => CreateAssetInput) input: CreateAssetInput, @Ctx() ctx: RequestContext): Promise<CreateAssetPayload> {
    const scope = await authorize(ctx, 'asset:create', input.organizationId);
    return { asset: await ctx.services.assets.create(scope, providedFields(input), actorOf(ctx)) };
  }

  @Mutation(() => UpdateAssetPayload)
  @Can('asset:update')
  async updateAsset(@Arg('input', () => UpdateAssetInput) input: UpdateAssetInput, @Ctx() ctx: RequestContext): Promise<UpdateAssetPayload> {
    const { scope } = await authorizeRecord<Asset>(ctx, 'Asset', input.id, 'asset:update', 'Asset');
    const { id, version, ...fields } = input;
    return { asset: await ctx.services.assets.update(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => DeleteAssetPayload)
  @Can('asset:delete')
  async deleteAsset(@Arg('input', () => DeleteAssetInput) input: DeleteAssetInput, @Ctx() ctx: RequestContext): Promise<DeleteAssetPayload> {
    const { record: asset, scope } = await authorizeRecord<Asset>(ctx, 'Asset', input.id, 'asset:delete', 'Asset');
    return { deletedAssetId: await ctx.services.assets.delete(scope, asset.id, actorOf(ctx)) };
  }

  @Mutation(() => ImportAssetsPayload, { description: 'All or nothing: any refused row imports nothing and is reported.' })
  @Can('asset:import')
  async importAssets(@Arg('input', () => ImportAssetsInput) input: ImportAssetsInput, @Ctx() ctx: RequestContext): Promise<ImportAssetsPayload> {
    const scope = await authorize(ctx, 'asset:import', input.organizationId);
    const { imported, problems } = await ctx.services.assets.importCsv(scope, input.csv, actorOf(ctx));
    return { importedCount: imported.length, assets: imported, problems };
  }

  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() asset: Asset, @Ctx() ctx: RequestContext): Promise<User | null> {
    return asset.ownerId ? ctx.loaders.userById.load(asset.ownerId) : null;
  }

  @FieldResolver(() => Int, { description: 'The highest of its confidentiality, integrity and availability values.' })
  criticality(@Root() asset: Asset): number {
    return assetCriticality(asset);
  }

  @FieldResolver(() => Boolean)
  async viewerCanEdit(@Root() asset: Asset, @Ctx() ctx: RequestContext): Promise<boolean> {
    const role = await roleIn(ctx, asset.organizationId);
    return !!role && !!ctx.viewer && canEditAsset(role, ctx.viewer.user.id, asset);
  }
}

@Resolver(() => Organization)
export class OrganizationAssetsResolver {
  @FieldResolver(() => AssetConnection, { nullable: true, description: 'By name. Null (FORBIDDEN) for roles that may not read the inventory.' })
  @Can('asset:read')
  async assets(
    @Root() org: Organization,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AssetFilterInput, { nullable: true }) filter: AssetFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<Asset>> {
    const scope = await authorize(ctx, 'asset:read', org.id);
    return ctx.services.assets.list(scope, filter ?? {}, pageSize(page.first), page.after);
  }
}
