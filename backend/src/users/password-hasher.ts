import argon2 from 'argon2';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_PATTERN as SHARED_USERNAME_PATTERN,
} from '@jianbao/contracts';

/** argon2id at OWASP's baseline (19 MiB, 2 passes): ~30 ms a hash here, costly enough for guessing. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Shortest password accepted anywhere (CLI, setup, user admin, password change): the shared rule. */
export const MIN_PASSWORD_LENGTH = PASSWORD_MIN_LENGTH;
/** Longest: the hash input stays bounded. */
export const MAX_PASSWORD_LENGTH = PASSWORD_MAX_LENGTH;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies `password` against `hash`; with no hash (unknown user) it verifies against a dummy one so
 * that an unknown name costs as long as a wrong password, and answers false.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= argon2.hash('jianbao-dummy-password', OPTIONS);
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  return null;
}

/** Letters (any script, so 王编辑 too), digits, `.`, `_`, `-`; 2 to 64 characters (the shared rule). */
export const USERNAME_PATTERN = SHARED_USERNAME_PATTERN;
