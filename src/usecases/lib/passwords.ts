import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library defaults (m = 19 MiB, t = 2, p = 1: the OWASP baseline). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the account does not exist keeps the response time the same, so timing does not reveal user names.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$cxZINVbIL993CJvXv5aIRg$TFghduVGsNn1VE8EnrUptOZZdSZi3Qe8g1o5b2XOkXY';

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}
