import { Field, ID, InterfaceType } from 'type-graphql';

/** Every entity of the API implements Node; `Query.node(id)` resolves any the caller may see. */
@InterfaceType('Node', { description: 'An object with an opaque, globally unique id.' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
