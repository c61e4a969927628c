import { z } from 'zod';
import { ZMemberStatus } from './member-status';

/**
 * The digital member card: a compact JWS (ES256, P-256 ECDSA) the server signs and the member
 * shows as a QR code. An officer's scanner checks it offline against the published public
 * key (GET /.well-known/unionhall-card-keys.json) and online against the member's current
 * status. The claims are what the card shows, nothing more: anyone who scans the code can
 * read them (a JWS is signed, not encrypted).
 */
export const CARD_TOKEN_ALGORITHM = 'ES256';
/** The JWS `typ` header: a key used for cards signs nothing else, and verifiers insist on it. */
export const CARD_TOKEN_TYPE = 'unionhall-card+jwt';
/** Where verifiers find the public keys, relative to the server's origin. */
export const CARD_KEYS_PATH = '/.well-known/unionhall-card-keys.json';
/** A card is re-signed whenever the member opens it online; a saved copy lasts this long. */
export const CARD_VALIDITY_SECONDS = 30 * 24 * 60 * 60;
/** Longest token accepted for verification; real ones are well under 1 kB. */
export const CARD_TOKEN_MAX_LENGTH = 4096;

/** The signed claims, with short names to keep the QR code small. */
export const ZCardClaims = z.object({
  /** The member's record id. */
  sub: z.uuid(),
  /** Member number. */
  mno: z.string().min(1).max(32),
  name: z.string().min(1).max(100),
  /** The member's unit (its name at issue). */
  unit: z.string().min(1).max(200),
  /** Status at issue; a card is only issued to ACTIVE members. */
  st: ZMemberStatus,
  iat: z.number().int(),
  exp: z.number().int(),
});
export type TCardClaims = z.infer<typeof ZCardClaims>;

/** The card as the member app shows it. */
export const ZMemberCard = z.object({
  memberId: z.uuid(),
  memberNumber: z.string(),
  name: z.string(),
  unitName: z.string(),
  status: ZMemberStatus,
  issuedAt: z.date(),
  expiresAt: z.date(),
  token: z.string(),
});
export type TMemberCard = z.infer<typeof ZMemberCard>;

export const ZVerifyCardInput = z.object({
  token: z.string().trim().min(1).max(CARD_TOKEN_MAX_LENGTH),
});
export type TVerifyCardInput = z.infer<typeof ZVerifyCardInput>;

/** Why a card did not verify. */
export const CARD_REJECTIONS = [
  'MALFORMED',
  'BAD_SIGNATURE',
  'EXPIRED',
  'MEMBER_NOT_FOUND',
] as const;
export const ZCardRejection = z.enum(CARD_REJECTIONS);
export type TCardRejection = z.infer<typeof ZCardRejection>;

/**
 * The online answer. `valid` means the server signed this card and it has not expired;
 * `statusNow` is the member's status at this moment, which may differ from the card's (a
 * member suspended after the card was issued still holds a genuine card). Only a genuine card
 * (even an expired one) gets its claims and current status back, so the endpoint reveals
 * nothing a forged token could not already say.
 */
export const ZCardVerification = z.object({
  valid: z.boolean(),
  reason: ZCardRejection.nullable(),
  memberNumber: z.string().nullable(),
  name: z.string().nullable(),
  unitName: z.string().nullable(),
  statusAtIssue: ZMemberStatus.nullable(),
  statusNow: ZMemberStatus.nullable(),
  issuedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
});
export type TCardVerification = z.infer<typeof ZCardVerification>;
