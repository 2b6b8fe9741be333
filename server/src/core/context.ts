import type { Request, Response } from 'express';
import type { Role } from '@annex/domain';
import type { Logger } from './logger.js';
import type { Services } from '../app/services.js';
import type { User } from '../modules/identity/user.entity.js';
import type { ApiToken } from '../modules/api-tokens/api-token.entity.js';
import { createLoaders, type Loaders } from '../app/loaders.js';
import type { LiveSink } from './events/live-stream.js';
import type { IdentityProbe } from './events/shared-results.js';

/** Who is calling: a person through a browser session, or a script through an API token. */
export interface Viewer {
  user: User;
  sessionId: string | null;
  /** Set when the call authenticates with an API token; it limits the call to one organisation. */
  apiToken: ApiToken | null;
}

export interface RequestContext {
  requestId: string;
  logger: Logger;
  services: Services;
  viewer: Viewer | null;
  ip: string | null;
  userAgent: string | null;
  /** Present for HTTP requests (cookies are set on it); absent over WebSocket. */
  req?: Request;
  res?: Response;
  loaders: Loaders;
  /** The caller's role per organisation, looked up once per request. */
  roles: Map<string, Promise<Role | null>>;
  /** Over WebSocket, per subscription: where its live events are written (see core/events/live-stream). */
  liveSink?: LiveSink;
  /** In a live delivery shared among people: records who the viewer is asked to be (see core/events/shared-results). */
  identityProbe?: IdentityProbe;
}

export function createContext(init: Omit<RequestContext, 'loaders' | 'roles'>): RequestContext {
  return { ...init, loaders: createLoaders(init.services.db.dataSource), roles: new Map() };
}

/**
 * Whether the caller is this person. Resolvers ask this rather than compare
 * `ctx.viewer.user.id`: in a live delivery the question is recorded, so that one execution can
 * serve everyone who would get the same answers (core/events/shared-results).
 */
export function viewerIs(ctx: RequestContext, userId: string | null | undefined): boolean {
  if (ctx.identityProbe) return ctx.identityProbe.is(userId);
  return !!userId && ctx.viewer?.user.id === userId;
}

/** The short description of a person written into audit rows. */
export function actorOf(ctx: RequestContext): { actorId: string | null; actorLabel: string | null; ip: string | null } {
  if (!ctx.viewer) return { actorId: null, actorLabel: null, ip: ctx.ip };
  const via = ctx.viewer.apiToken ? ` (API token "${ctx.viewer.apiToken.name}")` : '';
  return { actorId: ctx.viewer.user.id, actorLabel: `${ctx.viewer.user.name} <${ctx.viewer.user.email}>${via}`, ip: ctx.ip };
}
