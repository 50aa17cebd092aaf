import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@homeward/domain';

/**
 * argon2id with the OWASP / ASVS 5.0 minimum parameters (m = 19 MiB, t = 2, p = 1). Stored in PHC form,
 * so parameters can be raised later and old hashes still verify.
 */
const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the account does not exist, so timing does not reveal usernames. */
let decoyHash: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('homeward-decoy-password-never-valid');
  await verifyPassword(await decoyHash, password);
}

const COMMON = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

/**
 * Why a new password is refused, or null when it is acceptable. ASVS level 2: length 15 to 128, no
 * composition rules, and not a commonly used password (the shipped list of ~49,000), nor one of them
 * padded with digits or repeated, nor the username itself.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `A password has at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `A password has at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (COMMON.has(lower) || COMMON.has(stripped)) return 'This password is on a list of commonly used passwords; choose another.';
  const unit = /^(.+?)\1+$/u.exec(lower)?.[1];
  if (unit && (unit.length <= 4 || COMMON.has(unit))) return 'This password is a repetition; choose another.';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) {
    return 'A password must not contain the username.';
  }
  return null;
}
