import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCardSigner, generateCardSigningKey, parseCardSigningKey } from '@unionhall/api';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CARD_KEYS_PATH } from '@unionhall/domain';
import { createLocalJWKSet, exportPKCS8, importJWK, jwtVerify, type JWK } from 'jose';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { loadCardSigningKey } from './card-key';
import { TEST_ORIGIN, testAuth, testCipher } from './test-support';

describe('the card signing key', () => {
  it('is generated once into a private file and read back the same', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'uh-card-')), 'keys', 'card.json');
    const options = { signingKey: undefined, keyFile, production: false };
    const first = loadCardSigningKey(options);
    expect(first.source).toBe('generated');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const second = loadCardSigningKey(options);
    expect(second.source).toBe('file');
    expect(second.key).toEqual(first.key);
    expect(readFileSync(keyFile, 'utf8')).toContain('"d"');
  });

  it('comes from the environment as a JWK or PKCS#8, and is required in production', async () => {
    const key = generateCardSigningKey();
    const pem = await exportPKCS8(await importJWK(key, 'ES256', { extractable: true }));
    const options = { keyFile: '/nonexistent/card.json', production: true };
    expect(loadCardSigningKey({ ...options, signingKey: JSON.stringify(key) }).key).toEqual(key);
    expect(loadCardSigningKey({ ...options, signingKey: pem }).key).toEqual(key);
    expect(() => loadCardSigningKey({ ...options, signingKey: undefined })).toThrow(
      /CARD_SIGNING_KEY/,
    );
    expect(() => parseCardSigningKey('{"kty":"oct","k":"abc"}')).toThrow(/P-256/);
    expect(() =>
      parseCardSigningKey(JSON.stringify({ ...key, x: generateCardSigningKey().x })),
    ).toThrow();
  });
});

describe.each(testDatabaseTargets())('the published card keys on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const signer = createCardSigner(generateCardSigningKey());

  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('serves the public key as a JWKS that verifies a card, without the private part', async () => {
    const app = createApp({
      db,
      auth: testAuth(db),
      cipher: testCipher(),
      cardSigner: signer,
      logger: pino({ level: 'silent' }),
      config: { corsOrigins: [], bodyLimitBytes: 1 << 20, trpcMaxBatch: 20, hsts: false },
    });
    const response = await app.request(`${TEST_ORIGIN}${CARD_KEYS_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const jwks = (await response.json()) as { keys: JWK[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: signer.keyId });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const token = await signer.sign({
      sub: '00000000-0000-4000-8000-000000000001',
      mno: '0000000001',
      name: '张伟',
      unit: '滨江区第一中学工会',
      st: 'ACTIVE',
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks));
    expect(payload.mno).toBe('0000000001');
  });
});
