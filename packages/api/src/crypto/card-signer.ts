import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  CARD_TOKEN_ALGORITHM,
  CARD_TOKEN_TYPE,
  CARD_VALIDITY_SECONDS,
  ZCardClaims,
  type TCardClaims,
  type TCardRejection,
} from '@unionhall/domain';
import { errors, jwtVerify, SignJWT, type JWK } from 'jose';

/**
 * Signs and verifies member cards (packages/domain membership/card.ts) with one P-256 key.
 * Like the data keys, the private key lives outside the database: from the environment in
 * production, from a key file beside the embedded data in development (apps/server decides).
 * The public half is published as a JWKS so scanners can verify cards without the network.
 */
export interface CardSigner {
  /** The key id in every token's header and in the published JWKS. */
  readonly keyId: string;
  sign(claims: Omit<TCardClaims, 'iat' | 'exp'>, now?: Date): Promise<string>;
  verify(token: string, now?: Date): Promise<CardCheck>;
  /** The public keys verifiers trust, as a JSON Web Key Set. */
  publicJwks(): { keys: JWK[] };
}

export type CardCheck =
  | { ok: true; claims: TCardClaims }
  /** Expired, but genuinely ours: the claims are trustworthy, the card no longer is. */
  | { ok: false; reason: 'EXPIRED'; claims: TCardClaims }
  | { ok: false; reason: Exclude<TCardRejection, 'EXPIRED' | 'MEMBER_NOT_FOUND'> };

export class CardKeyError extends Error {}

/** The P-256 private key as a JWK (with `d`); what CARD_SIGNING_KEY and the key file hold. */
export type CardSigningKey = JWK & { kty: 'EC'; crv: 'P-256'; d: string; x: string; y: string };

function isSigningKey(value: unknown): value is CardSigningKey {
  if (typeof value !== 'object' || value === null) return false;
  const field = (name: string) => Reflect.get(value, name);
  return (
    field('kty') === 'EC' &&
    field('crv') === 'P-256' &&
    typeof field('d') === 'string' &&
    typeof field('x') === 'string' &&
    typeof field('y') === 'string'
  );
}

/** A fresh P-256 key pair (development key files, tests). */
export function generateCardSigningKey(): CardSigningKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return parseCardSigningKey(JSON.stringify(privateKey.export({ format: 'jwk' })));
}

/**
 * Reads the signing key as a JWK (JSON) or a PKCS#8 PEM. Anything but a P-256 private key is
 * refused: ES256 is what every browser's WebCrypto verifies.
 */
export function parseCardSigningKey(text: string): CardSigningKey {
  const trimmed = text.trim();
  let jwk: unknown;
  try {
    jwk = trimmed.startsWith('{')
      ? JSON.parse(trimmed)
      : createPrivateKey({ key: trimmed, format: 'pem' }).export({ format: 'jwk' });
  } catch {
    throw new CardKeyError('the card signing key is neither a JWK nor a PKCS#8 PEM');
  }
  if (!isSigningKey(jwk))
    throw new CardKeyError('the card signing key must be a P-256 private key');
  const { kty, crv, d, x, y } = jwk;
  // Refuses a JWK whose public half does not belong to its private half.
  const derived = createPublicKey(createPrivateKey({ key: { kty, crv, d, x, y }, format: 'jwk' }));
  const check = derived.export({ format: 'jwk' });
  if (check.x !== x || check.y !== y)
    throw new CardKeyError('the card signing key is inconsistent');
  return { kty, crv, d, x, y };
}

/** RFC 7638 thumbprint: a key id that follows from the key, so it needs no configuration. */
function thumbprint(key: CardSigningKey): string {
  const canonical = JSON.stringify({ crv: key.crv, kty: key.kty, x: key.x, y: key.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

export function createCardSigner(key: CardSigningKey): CardSigner {
  const keyId = thumbprint(key);
  const privateKey = createPrivateKey({ key, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  const publicJwk: JWK = {
    kty: key.kty,
    crv: key.crv,
    x: key.x,
    y: key.y,
    kid: keyId,
    alg: CARD_TOKEN_ALGORITHM,
    use: 'sig',
  };

  return {
    keyId,
    async sign(claims, now = new Date()) {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ mno: claims.mno, name: claims.name, unit: claims.unit, st: claims.st })
        .setProtectedHeader({ alg: CARD_TOKEN_ALGORITHM, typ: CARD_TOKEN_TYPE, kid: keyId })
        .setSubject(claims.sub)
        .setIssuedAt(iat)
        .setExpirationTime(iat + CARD_VALIDITY_SECONDS)
        .sign(privateKey);
    },
    async verify(token, now = new Date()) {
      try {
        const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
          algorithms: [CARD_TOKEN_ALGORITHM],
          typ: CARD_TOKEN_TYPE,
          currentDate: now,
          requiredClaims: ['sub', 'iat', 'exp'],
        });
        if (protectedHeader.kid !== keyId) return { ok: false, reason: 'BAD_SIGNATURE' };
        const claims = ZCardClaims.safeParse(payload);
        return claims.success
          ? { ok: true, claims: claims.data }
          : { ok: false, reason: 'MALFORMED' };
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          // jose checks the signature before the dates, so these claims are ours.
          const claims = ZCardClaims.safeParse(error.payload);
          return claims.success
            ? { ok: false, reason: 'EXPIRED', claims: claims.data }
            : { ok: false, reason: 'MALFORMED' };
        }
        if (error instanceof errors.JWSSignatureVerificationFailed) {
          return { ok: false, reason: 'BAD_SIGNATURE' };
        }
        if (error instanceof errors.JOSEError) return { ok: false, reason: 'MALFORMED' };
        throw error;
      }
    },
    publicJwks() {
      return { keys: [publicJwk] };
    },
  };
}
