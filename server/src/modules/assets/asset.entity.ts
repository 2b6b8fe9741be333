import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ASSET_TYPES, type AssetType } from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';

export const AssetTypeEnum = Object.fromEntries(ASSET_TYPES.map((t) => [t, t])) as { [K in AssetType]: K };
registerEnumType(AssetTypeEnum, { name: 'AssetType' });

@ObjectType('Asset', { implements: Node, description: 'Something of value to protect: information, software, hardware, a service, people or a site.' })
@Entity('assets')
export class Asset implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  name!: string;

  @Field(() => AssetTypeEnum)
  @Column('text')
  type!: AssetType;

  @Field(() => String)
  @Column('text')
  description!: string;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => String)
  @Column('text')
  location!: string;

  @Field(() => Int, { description: '1 (low) to 3 (high).' })
  @Column('smallint')
  confidentiality!: number;

  @Field(() => Int, { description: '1 (low) to 3 (high).' })
  @Column('smallint')
  integrity!: number;

  @Field(() => Int, { description: '1 (low) to 3 (high).' })
  @Column('smallint')
  availability!: number;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'review_date', nullable: true, transformer: dateColumn })
  reviewDate!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
