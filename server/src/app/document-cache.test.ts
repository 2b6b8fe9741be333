import { describe, expect, it } from 'vitest';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, validate } from 'graphql';
import { DocumentCache } from './document-cache.js';

const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString } } }) });

describe('the document cache of WebSocket subscriptions', () => {
  it('parses and validates each distinct text once, and forgets the least recently used past its size', () => {
    const cache = new DocumentCache(2);
    const a = cache.parse('{ hello }');
    expect(cache.parse('{ hello }')).toBe(a);
    let validations = 0;
    const check = (document: typeof a) => cache.validate(schema, document, () => (validations += 1, validate(schema, document)));
    expect(check(a)).toEqual([]);
    expect(check(a)).toEqual([]);
    expect(validations).toBe(1);
    cache.parse('{ b: hello }');
    cache.parse('{ hello }'); // used again: the most recent
    cache.parse('{ c: hello }'); // evicts '{ b: hello }'
    expect(cache.parse('{ hello }')).toBe(a);
    expect(cache.print(a)).toBe(cache.print(a));
  });

  it('keeps no parse error and applies the token limit', () => {
    const cache = new DocumentCache(10, { maxTokens: 5 });
    expect(() => cache.parse('{ hello')).toThrow(/Syntax Error/);
    expect(() => cache.parse('{ a: hello b: hello c: hello }')).toThrow(/tokens/);
    expect(cache.parse('{ hello }')).toBeDefined();
  });
});
