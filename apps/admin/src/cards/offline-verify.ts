import {
  CARD_KEYS_PATH,
  CARD_TOKEN_ALGORITHM,
  CARD_TOKEN_TYPE,
  ZCardClaims,
  type TCardClaims,
  type TCardRejection,
} from '@unionhall/domain';
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod';

/**
 * Checks a member card in the browser, with no server call: the signature against the union's
 * published public keys (fetched once, then kept on the device so a scanner works in a hall
 * without signal), and the expiry against this device's clock.
 */
const STORAGE_KEY = 'unionhall.admin.cardKeys';

const ZJwks = z.object({
  keys: z.array(
    z.object({
      kty: z.string(),
      crv: z.string().optional(),
      x: z.string().optional(),
      y: z.string().optional(),
      kid: z.string().optional(),
      alg: z.string().optional(),
      use: z.string().optional(),
    }),
  ),
});

let inMemory: JSONWebKeySet | null = null;

function storedKeys(): JSONWebKeySet | null {
  try {
    const raw = globalThis.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = ZJwks.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    // No storage (blocked site data) or a corrupt copy: fetch again.
    return null;
  }
}

/** The public keys from the server; kept in memory and on the device for offline checks. */
async function fetchKeys(): Promise<JSONWebKeySet> {
  const response = await fetch(CARD_KEYS_PATH, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`card keys: HTTP ${response.status}`);
  const keys = ZJwks.parse(await response.json());
  inMemory = keys;
  try {
    globalThis.localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
  } catch {
    // Storage full or unavailable: the keys still work for this visit.
  }
  return keys;
}

async function currentKeys(): Promise<{ keys: JSONWebKeySet; fresh: boolean }> {
  inMemory ??= storedKeys();
  if (inMemory) return { keys: inMemory, fresh: false };
  return { keys: await fetchKeys(), fresh: true };
}

export type OfflineCheck =
  | { ok: true; claims: TCardClaims }
  | { ok: false; reason: 'EXPIRED'; claims: TCardClaims }
  | { ok: false; reason: Exclude<TCardRejection, 'EXPIRED' | 'MEMBER_NOT_FOUND'> | 'NO_KEYS' };

async function check(token: string, keys: JSONWebKeySet): Promise<OfflineCheck | 'UNKNOWN_KEY'> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys), {
      algorithms: [CARD_TOKEN_ALGORITHM],
      typ: CARD_TOKEN_TYPE,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    const claims = ZCardClaims.safeParse(payload);
    return claims.success ? { ok: true, claims: claims.data } : { ok: false, reason: 'MALFORMED' };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return 'UNKNOWN_KEY';
    if (error instanceof errors.JWTExpired) {
      // The signature held (jose checks it before the dates): the claims are genuine.
      const claims = ZCardClaims.safeParse(error.payload);
      return claims.success
        ? { ok: false, reason: 'EXPIRED', claims: claims.data }
        : { ok: false, reason: 'MALFORMED' };
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, reason: 'BAD_SIGNATURE' };
    }
    return { ok: false, reason: 'MALFORMED' };
  }
}

export async function verifyCardOffline(token: string): Promise<OfflineCheck> {
  let loaded: { keys: JSONWebKeySet; fresh: boolean };
  try {
    loaded = await currentKeys();
  } catch {
    return { ok: false, reason: 'NO_KEYS' };
  }
  const first = await check(token, loaded.keys);
  if (first !== 'UNKNOWN_KEY') return first;
  // A key id the saved set does not know: the union may have a new key. Ask once.
  if (!loaded.fresh) {
    try {
      const again = await check(token, await fetchKeys());
      if (again !== 'UNKNOWN_KEY') return again;
    } catch {
      // Offline: a key we do not know is a signature we cannot trust.
    }
  }
  return { ok: false, reason: 'BAD_SIGNATURE' };
}

/** Loads the keys ahead of time, so a scan later works without the network. */
export function prefetchCardKeys(): void {
  void currentKeys().catch(() => undefined);
}
