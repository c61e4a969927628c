// argon2id through @node-rs/argon2 (prebuilt N-API binaries shipped as npm optional deps: no
// compiler, no install script). Parameters: OWASP's argon2id minimum (19 MiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2';

// `Algorithm` is a const enum (unusable under verbatimModuleSyntax): 2 === Algorithm.Argon2id,
// which is also the library's default.
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(data: { hash: string; password: string }): Promise<boolean> {
  // A malformed stored hash must be a failed sign-in, not a 500.
  try {
    return await verify(data.hash, data.password);
  } catch {
    return false;
  }
}
