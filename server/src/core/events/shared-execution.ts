import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { RequestContext } from '../context.js';

/**
 * A subscription payload that says which delivery it belongs to: the same object for every
 * subscriber of this process that one event is delivered to.
 */
export interface SharedDelivery {
  delivery: object;
}

type Result = ExecutionResult | Promise<ExecutionResult>;
const resultsOf = new WeakMap<object, Map<string, Result>>();

/**
 * `subscribe` for graphql-ws that executes each delivery once per cohort instead of once per
 * socket: subscribers with the same document, variables and viewer (a person with the app open
 * in several tabs or devices) get the same result, which only depends on those. Payloads
 * without a `delivery` execute as usual. What the result depends on beyond the payload — the
 * viewer's identity and role, the loaders of the event — is the same within a cohort.
 */
export async function subscribeSharingDeliveries(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(stream))) return stream as ExecutionResult;
  const viewer = (args.contextValue as RequestContext | undefined)?.viewer;
  const cohort = [print(args.document), args.operationName ?? '', JSON.stringify(args.variableValues ?? {}), viewer?.user.id ?? '', viewer?.apiToken?.id ?? ''].join('\n');
  const run = (payload: unknown): Result => {
    const delivery = (payload as Partial<SharedDelivery> | null)?.delivery;
    if (!delivery) return execute({ ...args, rootValue: payload });
    let results = resultsOf.get(delivery);
    if (!results) resultsOf.set(delivery, (results = new Map()));
    let result = results.get(cohort);
    if (!result) {
      result = execute({ ...args, rootValue: payload });
      results.set(cohort, result);
    }
    return result;
  };
  return mapAsyncIterator(stream as AsyncIterable<unknown>, run);
}

/** Maps each value of an async iterable, passing `return` and `throw` through (as graphql-js does). */
function mapAsyncIterator<T, U>(iterable: AsyncIterable<T>, map: (value: T) => U | Promise<U>): AsyncIterableIterator<U> {
  const iterator = iterable[Symbol.asyncIterator]();
  const mapResult = async (result: IteratorResult<T>): Promise<IteratorResult<U>> => {
    if (result.done) return result;
    try {
      return { value: await map(result.value), done: false };
    } catch (error) {
      await iterator.return?.().catch(() => undefined);
      throw error;
    }
  };
  return {
    async next() {
      return mapResult(await iterator.next());
    },
    async return(): Promise<IteratorResult<U>> {
      return iterator.return ? mapResult(await iterator.return()) : { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      if (iterator.throw) return mapResult(await iterator.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
