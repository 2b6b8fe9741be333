import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { resolveNode } from '../../app/nodes.js';
import { Audit, CertificationDecisionRecord } from './audit.entity.js';

@Resolver(() => CertificationDecisionRecord)
export class CertificationDecisionResolver {
  @FieldResolver(() => Audit, { nullable: true, description: 'The stage 2 or recertification audit decided on, if you may see it.' })
  async audit(@Root() decision: CertificationDecisionRecord, @Ctx() ctx: RequestContext): Promise<Audit | null> {
    return (await resolveNode(ctx, decision.auditId)) as Audit | null;
  }
}
