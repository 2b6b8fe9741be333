import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Can } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { Node } from '../../core/node.js';
import { resolveNode } from '../../app/nodes.js';

@Resolver()
export class HealthResolver {
  @Query(() => String, { description: 'Always "ok" when the API answers.' })
  @Can('public')
  health(): string {
    return 'ok';
  }

  @Query(() => Node, { nullable: true, description: 'Any object you may see, by id; null otherwise.' })
  @Can('authenticated')
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return resolveNode(ctx, id);
  }
}
