import type { Kysely, Transaction } from 'kysely';
import type { Role } from '@homeward/domain';
import type { Database, UserRow } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export async function listUsers(db: Db): Promise<{ user: UserRow; roles: string[] }[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('username').execute();
  const roles = await db.selectFrom('user_roles').select(['user_id', 'role']).orderBy('role').execute();
  return users.map((user) => ({ user, roles: roles.filter((r) => r.user_id === user.id).map((r) => r.role) }));
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Db,
  user: {
    id: string;
    username: string;
    displayName: string;
    passwordHash: string;
    missionId: string | null;
    teamId: string | null;
    organisation: string | null;
    isDemo?: boolean;
  },
  roles: readonly Role[],
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      mission_id: user.missionId,
      team_id: user.teamId,
      organisation: user.organisation,
      is_demo: user.isDemo ?? false,
    })
    .execute();
  await setRoles(db, user.id, roles);
}

export async function setRoles(db: Db, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db.insertInto('user_roles').values([...new Set(roles)].map((role) => ({ user_id: userId, role }))).execute();
  }
}
