import type { PrismaClient } from '@unionhall/db';
import {
  CARD_VALIDITY_SECONDS,
  ZMemberId,
  type TCardVerification,
  type TMemberCard,
} from '@unionhall/domain';
import type { CardSigner } from '../../crypto/card-signer';

/**
 * The signed-in member's card, freshly signed, or null when there is none to show: no
 * membership record, or a status other than ACTIVE (applicants, suspended or lapsed members
 * and former members have no card).
 */
export async function memberCard(
  prisma: PrismaClient,
  signer: CardSigner,
  userId: string,
  now = new Date(),
): Promise<TMemberCard | null> {
  // Session user ids are uuids; anything else cannot own a record (and must not reach SQL).
  if (!ZMemberId.safeParse(userId).success) return null;
  const member = await prisma.member.findUnique({
    where: { userId },
    select: {
      id: true,
      memberNumber: true,
      name: true,
      status: true,
      orgUnit: { select: { name: true } },
    },
  });
  if (!member || member.status !== 'ACTIVE' || !member.memberNumber) return null;
  const claims = {
    sub: member.id,
    mno: member.memberNumber,
    name: member.name,
    unit: member.orgUnit.name,
    st: member.status,
  };
  const token = await signer.sign(claims, now);
  const issuedAt = Math.floor(now.getTime() / 1000);
  return {
    memberId: member.id,
    memberNumber: member.memberNumber,
    name: member.name,
    unitName: member.orgUnit.name,
    status: member.status,
    issuedAt: new Date(issuedAt * 1000),
    expiresAt: new Date((issuedAt + CARD_VALIDITY_SECONDS) * 1000),
    token,
  };
}

const NOTHING = {
  memberNumber: null,
  name: null,
  unitName: null,
  statusAtIssue: null,
  statusNow: null,
  issuedAt: null,
  expiresAt: null,
} as const;

/**
 * Checks a card for an officer's scanner: the signature and expiry, then the member's status
 * now. A forged or garbled token learns only that it failed; the database is read only for
 * cards this server signed, so the endpoint cannot be used to look members up.
 */
export async function verifyCard(
  prisma: PrismaClient,
  signer: CardSigner,
  token: string,
  now = new Date(),
): Promise<TCardVerification> {
  const check = await signer.verify(token, now);
  if (!check.ok && check.reason !== 'EXPIRED') {
    return { valid: false, reason: check.reason, ...NOTHING };
  }
  const { claims } = check;
  const member = await prisma.member.findUnique({
    where: { id: claims.sub },
    select: { status: true },
  });
  return {
    valid: check.ok && member !== null,
    reason: check.ok ? (member ? null : 'MEMBER_NOT_FOUND') : check.reason,
    memberNumber: claims.mno,
    name: claims.name,
    unitName: claims.unit,
    statusAtIssue: claims.st,
    statusNow: member?.status ?? null,
    issuedAt: new Date(claims.iat * 1000),
    expiresAt: new Date(claims.exp * 1000),
  };
}
