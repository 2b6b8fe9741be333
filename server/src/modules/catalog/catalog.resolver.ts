import { Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { CLAUSES, CONTROLS, CONTROL_THEMES, MANDATORY_DOCUMENTS, type ControlTheme } from '@annex/iso27001';
import { Can } from '../../core/authorization.js';
import { JSONScalar } from '../../core/scalars.js';

export const ControlThemeEnum = Object.fromEntries(CONTROL_THEMES.map((t) => [t, t])) as { [K in ControlTheme]: K };
registerEnumType(ControlThemeEnum, { name: 'ControlTheme' });

@ObjectType('CatalogClause')
export class CatalogClause {
  @Field(() => String)
  ref!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The enclosing clause of a third-level sub-clause.' })
  parent?: string;
}

@ObjectType('CatalogControl')
export class CatalogControl {
  @Field(() => String, { description: 'A.5.1 … A.8.34' })
  ref!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ControlThemeEnum)
  theme!: ControlTheme;

  @Field(() => String)
  summary!: string;

  @Field(() => JSONScalar, { description: 'ISO/IEC 27002:2022 attributes: controlType, securityProperties, cybersecurityConcepts, operationalCapabilities, securityDomains.' })
  attributes!: Record<string, unknown>;
}

@ObjectType('CatalogMandatoryDocument')
export class CatalogMandatoryDocument {
  @Field(() => String)
  ref!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'The clause or Annex A control it comes from.' })
  clause!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'DOCUMENT or RECORD.' })
  kind!: string;

  @Field(() => String, { description: 'CLAUSE (always required) or ANNEX_A (required when the control applies).' })
  source!: string;
}

@ObjectType('Catalog', { description: 'ISO/IEC 27001:2022: clauses, Annex A controls and mandatory documented information.' })
export class Catalog {
  @Field(() => [CatalogClause])
  clauses!: readonly CatalogClause[];

  @Field(() => [CatalogControl])
  controls!: readonly CatalogControl[];

  @Field(() => [CatalogMandatoryDocument])
  mandatoryDocuments!: readonly CatalogMandatoryDocument[];
}

const CATALOG: Catalog = {
  clauses: CLAUSES as unknown as CatalogClause[],
  controls: CONTROLS as unknown as CatalogControl[],
  mandatoryDocuments: MANDATORY_DOCUMENTS as unknown as CatalogMandatoryDocument[],
};

@Resolver()
export class CatalogResolver {
  @Query(() => Catalog)
  @Can('public')
  catalog(): Catalog {
    return CATALOG;
  }
}
