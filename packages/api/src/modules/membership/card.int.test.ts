import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import {
  CARD_TOKEN_TYPE,
  CARD_VALIDITY_SECONDS,
  CURRENT_CONSENT_VERSION,
  residentIdCheckCharacter,
} from '@unionhall/domain';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCardSigner, generateCardSigningKey } from '../../crypto/card-signer';
import { callerFor, personas, testCardSignerFor } from '../../testing/harness';
import { verifyCard } from './card.service';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

function residentId(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** Replaces one character of a token part, keeping it valid base64url. */
function tamper(token: string, part: 1 | 2): string {
  const parts = token.split('.');
  const text = parts[part] ?? '';
  const at = Math.floor(text.length / 2);
  parts[part] = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  return parts.join('.');
}

describe.each(testDatabaseTargets())('member cards on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
  });
  afterAll(async () => {
    await db.dispose();
  });

  /** Applies and, unless told otherwise, approves; returns the member's own caller. */
  async function member(name: string, email: string, sequence: string, approve = true) {
    const id = randomUUID();
    const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-NO1-HS' } });
    await callerFor(db).public.membership.applyToJoin({
      id,
      name,
      idDocument: { type: 'RESIDENT_ID', number: residentId('19900101', sequence) },
      phone: '138 0013 8000',
      email,
      orgUnitId: unit.id,
      consentVersion: CURRENT_CONSENT_VERSION,
    });
    if (approve) {
      await callerFor(db, { actor: people.unitChair }).officer.membership.changeStatus({
        id,
        action: 'APPROVE',
        expectedVersion: 1,
      });
    }
    const account = await db.prisma.authUser.findUniqueOrThrow({ where: { email } });
    return {
      id,
      unitName: unit.name,
      caller: callerFor(db, { actor: { type: 'MEMBER', id: account.id, grants: [] } }),
    };
  }

  it('issues an ACTIVE member a card that verifies online and offline against the JWKS', async () => {
    const { id, unitName, caller } = await member('林芳', 'lin.card@example.org', '101');
    const card = await caller.member.membership.card();
    expect(card).toMatchObject({ memberId: id, name: '林芳', unitName, status: 'ACTIVE' });
    expect(card?.memberNumber).toMatch(/^\d{10}$/);
    if (!card) throw new Error('no card');
    expect((card.expiresAt.getTime() - card.issuedAt.getTime()) / 1000).toBe(CARD_VALIDITY_SECONDS);

    const online = await callerFor(db).public.membership.verifyCard({ token: card.token });
    expect(online).toMatchObject({
      valid: true,
      reason: null,
      memberNumber: card.memberNumber,
      name: '林芳',
      unitName,
      statusAtIssue: 'ACTIVE',
      statusNow: 'ACTIVE',
    });

    // What an offline scanner does: the published keys and nothing else.
    const signer = testCardSignerFor(db);
    const { payload } = await jwtVerify(card.token, createLocalJWKSet(signer.publicJwks()), {
      typ: CARD_TOKEN_TYPE,
    });
    expect(payload).toMatchObject({ sub: id, mno: card.memberNumber, st: 'ACTIVE' });
    expect(decodeProtectedHeader(card.token)).toMatchObject({ alg: 'ES256', kid: signer.keyId });
    expect(JSON.stringify(signer.publicJwks())).not.toContain('"d"');
  });

  it('refuses tampered, foreign-key and garbled tokens without saying whose they are', async () => {
    const { caller } = await member('王磊', 'wang.card@example.org', '102');
    const card = await caller.member.membership.card();
    if (!card) throw new Error('no card');
    const verify = (token: string) => callerFor(db).public.membership.verifyCard({ token });

    const nothing = {
      valid: false,
      memberNumber: null,
      name: null,
      unitName: null,
      statusNow: null,
    };
    expect(await verify(tamper(card.token, 1))).toMatchObject(nothing);
    expect(await verify(tamper(card.token, 2))).toMatchObject({
      ...nothing,
      reason: 'BAD_SIGNATURE',
    });
    const forger = createCardSigner(generateCardSigningKey());
    const forged = await forger.sign({
      sub: card.memberId,
      mno: card.memberNumber,
      name: card.name,
      unit: card.unitName,
      st: 'ACTIVE',
    });
    expect(await verify(forged)).toMatchObject({ ...nothing, reason: 'BAD_SIGNATURE' });
    expect(await verify('not-a-token')).toMatchObject({ ...nothing, reason: 'MALFORMED' });
    await expect(verify('')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses an expired card, still naming it (the signature is ours)', async () => {
    const { id } = await member('赵敏', 'zhao.card@example.org', '103');
    const signer = testCardSignerFor(db);
    const member_ = await db.prisma.member.findUniqueOrThrow({ where: { id } });
    const longAgo = new Date(Date.now() - (CARD_VALIDITY_SECONDS + 60) * 1000);
    const old = await signer.sign(
      { sub: id, mno: member_.memberNumber ?? '', name: '赵敏', unit: 'x', st: 'ACTIVE' },
      longAgo,
    );
    const result = await callerFor(db).public.membership.verifyCard({ token: old });
    expect(result).toMatchObject({ valid: false, reason: 'EXPIRED', statusNow: 'ACTIVE' });
    expect(await verifyCard(db.prisma, signer, old, longAgo)).toMatchObject({ valid: true });
  });

  it('shows the current status of a member suspended after the card was issued', async () => {
    const { id, caller } = await member('孙丽', 'sun.card@example.org', '104');
    const card = await caller.member.membership.card();
    if (!card) throw new Error('no card');
    await callerFor(db, { actor: people.unitChair }).officer.membership.changeStatus({
      id,
      action: 'SUSPEND',
      reason: '欠缴会费',
      expectedVersion: 2,
    });

    // Offline, the card is still a genuine one: the signature holds.
    const signer = testCardSignerFor(db);
    const offline = await jwtVerify(card.token, createLocalJWKSet(signer.publicJwks()));
    expect(offline.payload).toMatchObject({ st: 'ACTIVE' });
    // Online, the officer sees what is true now.
    const online = await callerFor(db).public.membership.verifyCard({ token: card.token });
    expect(online).toMatchObject({
      valid: true,
      statusAtIssue: 'ACTIVE',
      statusNow: 'SUSPENDED',
    });
    // And the member no longer gets a fresh card.
    expect(await caller.member.membership.card()).toBeNull();
  });

  it('gives no card to applicants or to people without a record', async () => {
    const applicant = await member('周杰', 'zhou.card@example.org', '105', false);
    expect(await applicant.caller.member.membership.card()).toBeNull();
    const stranger = callerFor(db, { actor: { type: 'MEMBER', id: randomUUID(), grants: [] } });
    expect(await stranger.member.membership.card()).toBeNull();
    await expect(callerFor(db).member.membership.card()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
