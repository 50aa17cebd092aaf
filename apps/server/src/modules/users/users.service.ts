import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { ROLES, type CreateUserRequest, type Role, type UpdateUserRequest, type UserView } from '@homeward/domain';
import type { Database, UserRow } from '../../db/schema';
import { recordAudit, type AuditActor } from '../../lib/audit';
import { AppError, notFound } from '../../lib/errors';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { deleteSessionsOfUser } from '../auth/sessions.repository';
import { findUserById, findUserByUsername, insertUser, listUsers, rolesOfUser, setRoles } from './users.repository';

type Trx = Transaction<Database>;

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** A user as the API shows it: never the password hash or the TOTP secret. */
export function presentUser(user: UserRow, roles: readonly string[]): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: roles.filter(isRole),
    missionId: user.mission_id,
    teamId: user.team_id,
    organisation: user.organisation,
    disabled: user.disabled_at !== null,
    secondFactorEnrolled: user.totp_enrolled_at !== null,
    createdAt: user.created_at.toISOString(),
  };
}

export async function listAllUsers(trx: Trx): Promise<UserView[]> {
  return (await listUsers(trx)).map(({ user, roles }) => presentUser(user, roles));
}

/** Create a user (administrators, and the CLI's create-admin). The password must pass the ASVS checks. */
export async function createUser(
  trx: Trx,
  actor: AuditActor,
  input: CreateUserRequest & { missionId: string | null; isDemo?: boolean },
  requestId: string | null,
): Promise<UserView> {
  const username = input.username.toLowerCase();
  const problem = passwordProblem(input.password, username);
  if (problem) throw new AppError('validation_failed', problem, [{ path: 'password', message: problem }]);
  if (await findUserByUsername(trx, username)) throw new AppError('conflict', `The username "${username}" is taken.`);
  if (input.teamId) await requireTeam(trx, input.teamId);
  const id = randomUUID();
  await insertUser(
    trx,
    {
      id,
      username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      missionId: input.missionId,
      teamId: input.teamId ?? null,
      organisation: input.organisation ?? null,
      isDemo: input.isDemo ?? false,
    },
    input.roles,
  );
  await recordAudit(trx, actor, { action: 'user.create', targetType: 'user', targetIds: [id], details: { roles: input.roles.join(',') } }, requestId);
  return getUser(trx, id);
}

async function requireTeam(trx: Trx, teamId: string) {
  const team = await trx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new AppError('validation_failed', 'No such team.', [{ path: 'teamId', message: 'No such team.' }]);
}

export async function getUser(trx: Trx, id: string): Promise<UserView> {
  const user = await findUserById(trx, id);
  if (!user) throw notFound('user');
  return presentUser(user, await rolesOfUser(trx, id));
}

export async function updateUser(trx: Trx, actor: AuditActor, id: string, input: UpdateUserRequest, requestId: string): Promise<UserView> {
  const user = await findUserById(trx, id);
  if (!user) throw notFound('user');
  if (input.teamId) await requireTeam(trx, input.teamId);
  if (input.roles && id === actor.userId && !input.roles.includes('administrator')) {
    throw new AppError('conflict', 'You cannot remove your own administrator role; ask another administrator.');
  }
  await trx
    .updateTable('users')
    .set({
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
      ...(input.organisation !== undefined ? { organisation: input.organisation } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  if (input.roles) {
    await setRoles(trx, id, input.roles);
    await deleteSessionsOfUser(trx, id); // new roles take effect at the next sign-in, never mid-session
  }
  await recordAudit(
    trx,
    actor,
    { action: 'user.update', targetType: 'user', targetIds: [id], details: { fields: Object.keys(input).sort().join(',') } },
    requestId,
  );
  return getUser(trx, id);
}

/** Disable or re-enable a user; disabling ends their sessions on the server at once. */
export async function setUserDisabled(trx: Trx, actor: AuditActor, id: string, disabled: boolean, requestId: string): Promise<UserView> {
  const user = await findUserById(trx, id);
  if (!user) throw notFound('user');
  if (disabled && id === actor.userId) throw new AppError('conflict', 'You cannot disable your own account.');
  await trx.updateTable('users').set({ disabled_at: disabled ? new Date() : null, updated_at: new Date() }).where('id', '=', id).execute();
  const ended = disabled ? await deleteSessionsOfUser(trx, id) : 0;
  await recordAudit(trx, actor, { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetIds: [id], details: { sessionsEnded: ended } }, requestId);
  return getUser(trx, id);
}

/** Remove a user's second factor (lost phone): they enrol again at their next sign-in. */
export async function resetSecondFactor(trx: Trx, actor: AuditActor, id: string, requestId: string): Promise<UserView> {
  const user = await findUserById(trx, id);
  if (!user) throw notFound('user');
  await trx
    .updateTable('users')
    .set({ totp_secret_enc: null, totp_enrolled_at: null, totp_last_step: null, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
  await deleteSessionsOfUser(trx, id);
  await recordAudit(trx, actor, { action: 'user.reset_second_factor', targetType: 'user', targetIds: [id] }, requestId);
  return getUser(trx, id);
}
