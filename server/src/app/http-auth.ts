import type { IncomingMessage } from 'node:http';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import type { RequestContext, Viewer } from '../core/context.js';
import type { User } from '../modules/identity/user.entity.js';
import { sha256 } from '../core/auth/secrets.js';
import type { Services } from './services.js';
import { SESSION_COOKIE } from '../modules/identity/session.service.js';
import { isDatabaseUnavailable } from '../core/db/availability.js';
import { serviceUnavailable } from '../core/errors.js';

/**
 * Reads the caller's credentials: the session cookie, or `Authorization: Bearer <token>`. While
 * the database is away this throws SERVICE_UNAVAILABLE (HTTP 503), never a driver error.
 */
export async function viewerFromRequest(
  services: Services,
  headers: IncomingMessage['headers'],
  connectionParams?: Record<string, unknown>,
): Promise<Viewer | null> {
  try {
    return await lookUpViewer(services, headers, connectionParams);
  } catch (error) {
    throw isDatabaseUnavailable(error) ? serviceUnavailable() : error;
  }
}

async function lookUpViewer(
  services: Services,
  headers: IncomingMessage['headers'],
  connectionParams?: Record<string, unknown>,
): Promise<Viewer | null> {
  const paramAuth = connectionParams?.['authorization'] ?? connectionParams?.['Authorization'];
  const authorization = typeof paramAuth === 'string' ? paramAuth : headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match ? services.sessions.fromApiToken(match[1]) : null;
  }
  const cookies = parseCookie(headers.cookie ?? '');
  return services.sessions.fromSessionToken(cookies[SESSION_COOKIE]);
}

function secureCookies(ctx: RequestContext): boolean {
  return ctx.services.config.PUBLIC_URL.startsWith('https:') || ctx.req?.secure === true;
}

export function setSessionCookie(ctx: RequestContext, token: string): void {
  ctx.res?.append(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(ctx),
      path: '/',
      maxAge: ctx.services.config.SESSION_TTL_HOURS * 3600,
    }),
  );
}

export function clearSessionCookie(ctx: RequestContext): void {
  ctx.res?.append(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies(ctx), path: '/', maxAge: 0 }),
  );
}

/** After sign-in inside a request: set the cookie, and let the rest of the request see the new viewer. */
export function beginSession(ctx: RequestContext, user: User, token: string): void {
  setSessionCookie(ctx, token);
  ctx.viewer = { user, sessionId: sha256(token), apiToken: null };
  ctx.roles.clear();
}
