import { randomInt, randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { createUnionhallClient } from '@unionhall/client';

/**
 * The consent text version the server expects (CURRENT_CONSENT_VERSION in packages/domain
 * membership/consent.ts; the e2e package does not depend on the domain package). When the
 * text changes, applications made with this one fail with MEMBER_CONSENT_OUTDATED.
 */
const CONSENT_VERSION = '2026-11';

/** GB 11643 check character of the first 17 characters of a resident ID. */
function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => {
    return total + Number(digit) * (weights[index] ?? 0);
  }, 0);
  return '10X98765432'.charAt(sum % 11);
}

/**
 * A valid resident ID (Beijing Chaoyang) born on `birthDate` (YYYYMMDD), with a random
 * three-digit sequence unless one is given. Specs pass a birth date no other spec uses, so the
 * IDs of one spec's runs never collide with another's.
 */
export function residentId(birthDate: string, sequence = String(randomInt(100, 1000))): string {
  const first17 = `110105${birthDate}${sequence}`;
  return first17 + checkCharacter(first17);
}

/**
 * A valid, random resident ID (Beijing Chaoyang, born on a random day of 1970 to 1999). Specs
 * share one database per run and a person has one living record, so the birth date and the
 * sequence both vary: about ten million numbers, where a fixed day's 900 collided within a run.
 */
export function randomResidentId(): string {
  const born = new Date(Date.UTC(1970, 0, 1) + randomInt(0, 30 * 365) * 86_400_000);
  const day = born.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `110105${day}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A random mainland mobile number, as people type it. */
export function randomMobile(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** Common given-name characters, each once. */
const NAME_CHARACTERS =
  '嘉怡浩然梓涵子轩雨桐思远欣妍俊杰诗琪宇航博文若曦佳明哲晨阳昊天逸凡瑞泽睿智静雯婉清慧敏雅婷晓峰志强国栋伟华立新建军秀英丽娟春燕海波永红玉兰桂芳德胜振鹏飞学良家豪冠宏翰林书瑶梦洁紫萱乐彤安景行';

/** The given names this process has handed out: one spec's people never share a name. */
const givenNames = new Set<string>();

/**
 * Two random given-name characters, never the same twice in one process: each run's people
 * are told apart by them. Of about 9,000 names, people made by other workers or earlier runs
 * on the same database may still share one, so a spec that looks a person up picks one row by
 * something unique (a membership or ID number), not by name alone.
 */
export function randomGivenName(): string {
  const pick = () => NAME_CHARACTERS.charAt(randomInt(0, NAME_CHARACTERS.length));
  for (;;) {
    const name = pick() + pick();
    if (!givenNames.has(name)) {
      givenNames.add(name);
      return name;
    }
  }
}

export interface TestApplicant {
  id: string;
  name: string;
  phone: string;
  idNumber: string;
}

/**
 * Applies to join through the public API, as the member app does, into the demo's first
 * middle school union. Returns what the test needs to find the application again.
 */
export async function applyToJoin(
  baseURL: string,
  person: { name: string; phone: string; employerId?: string },
): Promise<TestApplicant> {
  const client = createUnionhallClient({ url: baseURL, locale: 'en' });
  const units = await client.public.org.tree.query();
  const unit = units.find((candidate) => candidate.code === 'BJ-NO1-HS');
  if (!unit) throw new Error('demo unit BJ-NO1-HS is missing');
  const id = randomUUID();
  const idNumber = randomResidentId();
  await client.public.membership.applyToJoin.mutate({
    id,
    name: person.name,
    idDocument: { type: 'RESIDENT_ID', number: idNumber },
    phone: person.phone,
    email: `e2e-${id}@example.org`,
    orgUnitId: unit.id,
    jobTitle: '教师',
    ...(person.employerId ? { employerId: person.employerId } : {}),
    consentVersion: CONSENT_VERSION,
  });
  return { id, name: person.name, phone: person.phone, idNumber };
}

/** Calls a tRPC procedure over HTTP the way the apps do (superjson envelope). */
export async function call(
  request: APIRequestContext,
  path: string,
  input?: unknown,
): Promise<unknown> {
  const response =
    input === undefined
      ? await request.get(`/trpc/${path}`)
      : await request.post(`/trpc/${path}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  expect(response.ok(), `${path}: ${JSON.stringify(body)}`).toBe(true);
  return body.result?.data?.json;
}

/**
 * The newest sign-in code sent to `to`: the development outbox stands in for the mailbox and
 * the phone. It lists the newest message first, and holds notification emails too, so the
 * first message to `to` that carries a code is the one just requested.
 */
export async function latestCode(request: APIRequestContext, to: string): Promise<string> {
  // The page's "send me a code" request may still be on its way when a spec asks: wait for it
  // (a few seconds at most) instead of failing on a busy machine.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await request.get('/api/dev/outbox');
    const { messages } = (await response.json()) as { messages: { to: string; code?: string }[] };
    const message = messages.find((candidate) => candidate.to === to && Boolean(candidate.code));
    if (message?.code) return message.code;
    if (Date.now() > deadline) throw new Error(`no code was sent to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
