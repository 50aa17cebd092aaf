import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ROLES,
  readableCategoriesForRoles,
  scopeForRoles,
  writableCategoriesForRoles,
  type FieldCategory,
  type Permission,
  type Role,
  type Scope,
} from '@homeward/domain';
import { deleteSession, findSession, sessionIdOf, touchSession, type SessionStage } from '../modules/auth/sessions.repository';
import type { Actor, AppContext } from './context';
import { AppError } from './errors';

/**
 * Who may call a route. Every route under /api declares one; a route without one refuses to register, so
 * the server does not start and the test suite fails.
 * - `public`: anyone (health, OpenAPI, sign-in).
 * - `pending`: a session at any stage of sign-in (second factor, enrolment, sign-out).
 * - `authenticated`: a fully signed-in user, whatever their roles.
 * - a permission such as `person.read`: a signed-in user one of whose roles holds it.
 */
export type RouteAccess = 'public' | 'pending' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    pendingSession: { id: string; userId: string; stage: SessionStage; pendingTotpSecretEnc: string | null } | null;
  }
}

export const SESSION_COOKIE = 'homeward_session';
export const SECURE_SESSION_COOKIE = '__Host-homeward_session';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Secure cookies everywhere but plain-HTTP localhost (where browsers would drop them). */
export function cookieIsSecure(ctx: AppContext, request: FastifyRequest): boolean {
  if (ctx.config.secureCookies === 'always') return true;
  if (ctx.config.secureCookies === 'never') return false;
  return !LOCAL_HOSTS.has(request.hostname.replace(/:\d+$/, '')) || request.protocol === 'https';
}

export function setSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
  const secure = cookieIsSecure(ctx, request);
  void reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const secure = cookieIsSecure(ctx, request);
  void reply.clearCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  return request.cookies[SECURE_SESSION_COOKIE] ?? request.cookies[SESSION_COOKIE] ?? null;
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** The scope over which the actor holds `permission`; throws 403 when none of their roles holds it. */
export function requireScope(actor: Actor, permission: Permission): Scope {
  const scope = scopeForRoles(actor.roles, permission);
  if (!scope) throw new AppError('forbidden', 'Your role does not allow this.');
  return scope;
}

/** One row per API route with who may call it: for the route × role tests and for review. */
export interface RouteDeclaration {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * Refuse (403) when none of the actor's roles may read — or write — a field category. Routes hold a
 * permission on a resource; this is the second, finer check for the category a service touches.
 */
export function requireCategory(actor: Actor, category: FieldCategory, access: 'read' | 'write'): void {
  const categories = access === 'read' ? readableCategoriesForRoles(actor.roles) : writableCategoriesForRoles(actor.roles);
  if (!categories.includes(category)) {
    throw new AppError('forbidden', `Your role may not ${access === 'read' ? 'see' : 'record'} ${category.replace('_', ' and ')} details.`);
  }
}

/** The actor as the audit trail records it: id and roles only. */
export function auditActor(actor: Actor): { userId: string; roles: Role[] } {
  return { userId: actor.userId, roles: actor.roles };
}

/** Install the route-declaration check and the hook that authenticates and authorises each request. */
export function installAccessControl(app: FastifyInstance, ctx: AppContext, declared: RouteDeclaration[] = []): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('pendingSession', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api')) return;
    if (url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' };
      return;
    }
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${url} does not declare who may call it (config.access).`);
    }
    for (const method of [route.method].flat()) declared.push({ method: String(method), url, access });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const token = sessionTokenOf(request);
    if (!token) throw new AppError('unauthenticated', 'Please sign in.');
    const id = sessionIdOf(token);
    const found = await findSession(ctx.database.db, id);
    const now = new Date();
    if (!found) throw new AppError('unauthenticated', 'Your session has ended. Please sign in again.');
    const { session, user } = found;
    const idleExpired = now.getTime() - session.last_seen_at.getTime() > ctx.config.sessionIdleMs;
    if (session.expires_at <= now || idleExpired || user.disabled_at) {
      await deleteSession(ctx.database.db, id);
      throw new AppError('unauthenticated', 'Your session has ended. Please sign in again.');
    }
    if (now.getTime() - session.last_seen_at.getTime() > 15_000) await touchSession(ctx.database.db, id, now);
    const stage = session.stage as SessionStage;
    request.pendingSession = { id, userId: user.id, stage, pendingTotpSecretEnc: session.pending_totp_secret_enc };
    if (access === 'pending') return;
    if (stage !== 'authenticated') {
      throw new AppError('second_factor_required', 'Finish signing in with your second factor first.');
    }
    request.actor = {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: found.roles.filter(isRole),
      missionId: user.mission_id,
      teamId: user.team_id,
      organisation: user.organisation,
      sessionId: id,
      sessionExpiresAt: session.expires_at,
    };
    if (access !== 'authenticated') requireScope(request.actor, access);
  });
}

/** The actor of a route that declared a permission or `authenticated` (the hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Please sign in.');
  return request.actor;
}
