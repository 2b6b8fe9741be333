import { GraphQLError, createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';
import type { RequestContext } from '../context.js';
import { WS_CLOSE_TRY_AGAIN_LATER } from '../../app/availability.js';
import type { HubSubscriber, StoredEvent } from './event-hub.js';

/** A result serialised once, and its `next` message encoded once per subscription id it goes to. */
export class OutgoingPayload {
  private readonly messages = new Map<string, Buffer>();

  constructor(readonly json: string) {}

  /** The whole graphql-ws `next` message for subscription `idJson` (the id as JSON). */
  messageFor(idJson: string): Buffer {
    let message = this.messages.get(idJson);
    if (!message) this.messages.set(idJson, (message = Buffer.from(`{"id":${idJson},"type":"next","payload":${this.json}}`)));
    return message;
  }
}

/**
 * Where a live stream's messages go: its graphql-ws subscription on one socket. `send` writes a
 * `next` message with a payload already serialised, and answers false when the socket cannot
 * take it (closed, or so far behind that it was closed to reconnect and resume).
 */
export interface LiveSink {
  send(payload: OutgoingPayload): boolean;
}

/**
 * The sink of subscription `id` on a graphql-ws socket. A socket that has more than `maxBuffered`
 * bytes still unsent is not keeping up: it is closed with 1013 (try again later), and the client
 * reconnects and resumes from its cursor, instead of the server holding an ever larger queue.
 */
/** A text frame, as graphql-ws sends (the bytes are UTF-8 JSON). */
const TEXT_FRAME = { binary: false } as const;

export function liveSinkOf(socket: WebSocket, id: string, maxBuffered: number): LiveSink {
  const idJson = JSON.stringify(id);
  return {
    send(payload) {
      if (socket.readyState !== socket.OPEN) return false;
      if (socket.bufferedAmount > maxBuffered) {
        socket.close(WS_CLOSE_TRY_AGAIN_LATER, 'Too far behind: reconnect and resume');
        return false;
      }
      socket.send(payload.messageFor(idJson), TEXT_FRAME);
      return true;
    },
  };
}

/** Turns an execution's result into what the client receives (errors coded and stripped of internals). */
export type FormatResult = (result: ExecutionResult) => ExecutionResult;

/**
 * The organisation's live events as one subscription receives them. Delivering a change to a
 * thousand sockets is the hot path of audit week, so it does not go through one async iterator
 * per socket (hub → visibility → execution → graphql-ws → JSON): the hub hands each event once to
 * a delivery function with every subscriber of this process, which decides per person, executes
 * once per cohort (the same document, variables and viewer: one person's tabs and devices), serialises
 * that result once, and writes the same bytes to each socket of the cohort in one loop (`send`).
 *
 * To graphql-ws this is an async iterator that yields nothing and finishes when the stream
 * ends: graphql-ws still owns the protocol (subscribe, complete, errors, close), and ending the
 * stream (`end`) completes the subscription or sends its error, after every message written.
 */
export class LiveStream implements AsyncIterableIterator<never>, HubSubscriber {
  delivered = 0;
  live = false;
  held: StoredEvent[] = [];
  closed = false;
  /** The subscription operation, known once graphql-ws starts the stream (`start`). */
  args!: ExecutionArgs;
  ctx!: RequestContext;
  /** Streams of one cohort (the same operation and person) get the same result for the same event. */
  cohort = '';
  /** The same operation, whoever the person: results may be shared across people (see cohorts.ts). */
  operationKey = '';
  private sink: LiveSink | null = null;
  private format: FormatResult = (result) => result;
  private waiting: { resolve: (result: IteratorResult<never>) => void; reject: (error: unknown) => void } | null = null;
  private outcome: { error: unknown } | null = null;

  /**
   * @param open registers the stream (with the hub) once it is started.
   * @param close unregisters it; called once, however the stream ends.
   */
  constructor(
    private readonly open: (stream: LiveStream) => Promise<void>,
    private readonly close: (stream: LiveStream) => void,
  ) {}

  /** Called by `subscribeLive` with the subscription's operation, its socket and its error format. */
  async start(args: ExecutionArgs, sink: LiveSink, format: FormatResult, documentText: string): Promise<void> {
    this.args = args;
    this.ctx = args.contextValue as RequestContext;
    const viewer = this.ctx.viewer;
    this.operationKey = [documentText, args.operationName ?? '', JSON.stringify(args.variableValues ?? {}), viewer?.apiToken?.id ?? ''].join('\n');
    this.cohort = `${this.operationKey}\n${viewer?.user.id ?? ''}`;
    this.sink = sink;
    this.format = format;
    await this.open(this);
  }

  /** The operation's result for one payload, as JSON, ready for `send` (`contextValue`: another context for this execution). */
  async payloadJson(rootValue: unknown, contextValue: RequestContext = this.ctx): Promise<string> {
    const result = await execute({ ...this.args, rootValue, contextValue });
    return JSON.stringify(this.format(result));
  }

  /** Writes one payload (from `payloadJson`, possibly another stream's or person's). */
  send(payload: OutgoingPayload): void {
    if (this.closed) return;
    if (!this.sink?.send(payload)) this.end();
  }

  /** Ends the stream: graphql-ws completes the subscription, or sends the error when there is one. */
  end(error?: unknown): void {
    if (this.outcome) return;
    this.outcome = { error };
    this.shutDown();
    const waiting = this.waiting;
    this.waiting = null;
    if (!waiting) return;
    if (error === undefined) waiting.resolve({ value: undefined as never, done: true });
    else waiting.reject(error);
  }

  private shutDown(): void {
    if (this.closed) return;
    this.closed = true;
    this.close(this);
  }

  next(): Promise<IteratorResult<never>> {
    if (this.outcome) {
      const { error } = this.outcome;
      this.outcome = { error: undefined };
      return error === undefined ? Promise.resolve({ value: undefined as never, done: true }) : Promise.reject(error);
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /** graphql-ws calls this when the client completes the subscription or the socket closes. */
  return(): Promise<IteratorResult<never>> {
    this.end();
    return Promise.resolve({ value: undefined as never, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<never>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * `subscribe` for graphql-ws: runs the subscription's `subscribe` resolver and, when it answers a
 * `LiveStream`, starts it with the socket of the subscription (`RequestContext.liveSink`). Any
 * other stream is executed per payload, as graphql-js does.
 */
export function subscribeLive(documents: { print(document: DocumentNode): string }, format: FormatResult) {
  return async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in Object(stream))) return stream as ExecutionResult;
    if (!(stream instanceof LiveStream)) return executeEach(args, stream as AsyncIterable<unknown>);
    const sink = (args.contextValue as RequestContext | undefined)?.liveSink;
    try {
      if (!sink) throw new Error('A live stream needs a socket to write to.');
      await stream.start(args, sink, format, documents.print(args.document));
    } catch (error) {
      // Like an error of the subscribe resolver: answered with its code, then completed.
      stream.end();
      return { errors: [error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error as Error })] };
    }
    return stream;
  };
}

async function* executeEach(args: ExecutionArgs, source: AsyncIterable<unknown>): AsyncGenerator<ExecutionResult> {
  for await (const payload of source) yield await execute({ ...args, rootValue: payload });
}
