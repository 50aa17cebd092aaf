import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { ACCOUNT_FAILURE_LIMIT } from './login-throttle';
import { totpCodeAt } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'homeward_session');
  return c ? `homeward_session=${c.value}` : '';
};

async function login(username: string, password: string, cookie?: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: cookie ? { cookie } : {} });
}

const session = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });

describe('sign-in', () => {
  it('refuses a wrong password or an unknown user with the same message', async () => {
    const user = await buildUser(t);
    const wrong = await login(user.username, 'not-the-right-password');
    const unknown = await login('nobody.here', 'not-the-right-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('requires enrolment of a second factor outside demo mode, then a code at every sign-in', async () => {
    const user = await buildUser(t);
    const first = await login(user.username, user.password);
    expect(first.json()).toEqual({ stage: 'enrolment_required' });
    const pending = cookieOf(first);
    const cookieAttrs = first.cookies[0]!;
    expect(cookieAttrs.httpOnly).toBe(true);
    expect(cookieAttrs.sameSite).toBe('Strict');
    // Not signed in yet: the session endpoint says so.
    expect((await session(pending)).json().error.code).toBe('second_factor_required');

    const enrolment = await t.app.inject({ method: 'GET', url: '/api/auth/enrolment', headers: { cookie: pending } });
    expect(enrolment.statusCode).toBe(200);
    const { secret, otpauthUri, qrCodeDataUrl } = enrolment.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Homeward:/);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const now = Date.now();
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/auth/enrolment', headers: { cookie: pending }, payload: { code: totpCodeAt(secret, now) } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    const full = cookieOf(confirmed);
    expect(full).not.toBe(pending); // rotated at each step
    expect((await session(pending)).statusCode).toBe(401);
    expect((await session(full)).json().user.username).toBe(user.username);

    // Next sign-in: password, then a code from a later time step.
    const again = await login(user.username, user.password);
    expect(again.json()).toEqual({ stage: 'second_factor_required' });
    const step2 = cookieOf(again);
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: step2 }, payload: { code: totpCodeAt(secret, now) } });
    expect(replay.statusCode).toBe(401); // the code used at enrolment cannot be used again
    expect(replay.json().error.message).toMatch(/already used/);
  });

  it('accepts a TOTP code once and refuses its replay', async () => {
    const user = await buildUser(t, { enrolled: true });
    const code = totpCodeAt(user.totpSecret!, Date.now());
    const a = cookieOf(await login(user.username, user.password));
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: a }, payload: { code } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ stage: 'authenticated' });
    const b = cookieOf(await login(user.username, user.password));
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: b }, payload: { code } });
    expect(replay.statusCode).toBe(401);
    const badFormat = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: b }, payload: { code: '12ab' } });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().error.message).toMatch(/6 digits/);
  });

  it('lets a recovery code stand in for the authenticator exactly once', async () => {
    const user = await buildUser(t);
    const pending = cookieOf(await login(user.username, user.password));
    const { secret } = (await t.app.inject({ method: 'GET', url: '/api/auth/enrolment', headers: { cookie: pending } })).json();
    const codes: string[] = (
      await t.app.inject({ method: 'POST', url: '/api/auth/enrolment', headers: { cookie: pending }, payload: { code: totpCodeAt(secret, Date.now()) } })
    ).json().recoveryCodes;
    const first = cookieOf(await login(user.username, user.password));
    const used = await t.app.inject({ method: 'POST', url: '/api/auth/recovery', headers: { cookie: first }, payload: { code: codes[0] } });
    expect(used.statusCode).toBe(200);
    const second = cookieOf(await login(user.username, user.password));
    const reused = await t.app.inject({ method: 'POST', url: '/api/auth/recovery', headers: { cookie: second }, payload: { code: codes[0] } });
    expect(reused.statusCode).toBe(401);
  });

  it('in demo mode does not require a second factor', async () => {
    const demo = await createTestApp({ demo: 'on' });
    try {
      const res = await demo.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo.admin', password: demo.app.homeward.demoPassword! } });
      expect(res.json()).toEqual({ stage: 'authenticated' });
      const health = await demo.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json().demoMode).toBe(true);
    } finally {
      await demo.close();
    }
  });
});

describe('sessions', () => {
  it('sign-out ends the session on the server', async () => {
    const user = await buildUser(t);
    const cookie = await sessionCookie(t, user);
    expect((await session(cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await session(cookie)).statusCode).toBe(401);
  });

  it('expires after the idle timeout and after the absolute timeout', async () => {
    const user = await buildUser(t);
    const idle = await sessionCookie(t, user);
    const absolute = await sessionCookie(t, user);
    const idleId = (await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).orderBy('created_at').execute())[0]!.id;
    await t.database.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - t.config.sessionIdleMs - 1000) })
      .where('id', '=', idleId)
      .execute();
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .where('id', '!=', idleId)
      .execute();
    expect((await session(idle)).json().error.message).toMatch(/session has ended/);
    expect((await session(absolute)).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions and refuses their sign-in', async () => {
    const admin = await buildUser(t, { roles: ['administrator'] });
    const user = await buildUser(t, { enrolled: true });
    const cookie = await sessionCookie(t, user);
    const res = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/disable`, headers: { cookie: await sessionCookie(t, admin) } });
    expect(res.json().disabled).toBe(true);
    expect((await session(cookie)).statusCode).toBe(401);
    expect((await login(user.username, user.password)).statusCode).toBe(401);
  });

  it('resetting a second factor makes the user enrol again', async () => {
    const admin = await buildUser(t, { roles: ['administrator'] });
    const user = await buildUser(t, { enrolled: true });
    await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/reset-second-factor`, headers: { cookie: await sessionCookie(t, admin) } });
    expect((await login(user.username, user.password)).json()).toEqual({ stage: 'enrolment_required' });
  });
});

describe('throttling', () => {
  it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} failures, with Retry-After, even for the right password`, async () => {
    const user = await buildUser(t);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect((await login(user.username, 'wrong-password-attempt')).statusCode).toBe(401);
    const locked = await login(user.username, user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not locked by it.
    const other = await buildUser(t);
    expect((await login(other.username, other.password)).statusCode).toBe(200);
  });
});

describe('user administration', () => {
  it('refuses a common or short password with a clear message', async () => {
    const admin = await buildUser(t, { roles: ['administrator'] });
    const cookie = await sessionCookie(t, admin);
    const create = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: 'new.officer', displayName: 'New Officer', password, roles: ['consular_officer'] } });
    const short = await create('short-one');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/at least 15 characters/);
    const common = await create('passwordpassword');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.message).toMatch(/repetition|commonly used/);
    const ok = await create('river-lantern-quietly-7');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).not.toHaveProperty('password_hash');
    const dup = await create('river-lantern-quietly-7');
    expect(dup.statusCode).toBe(409);
  });
});
