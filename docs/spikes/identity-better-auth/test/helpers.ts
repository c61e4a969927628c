import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../src/app';
import { createAuth } from '../src/auth';
import type { CreateAuthOptions, OutboxMessage } from '../src/auth';
import { migrate, openDatabase } from '../src/db';
import type { Database } from '../src/db';

export const BASE_URL = 'https://unionhall.test';
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/test';

export type Target = 'pglite' | 'postgres';
export type TestDb = Database & { dispose(): Promise<void> };

export async function createTestDb(target: Target): Promise<TestDb> {
  if (target === 'pglite') {
    const db = await openDatabase({});
    await migrate(db);
    return Object.assign(db, { dispose: () => db.close() });
  }
  const name = `authpoc_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolMax: 5 });
  await migrate(db);
  return Object.assign(db, {
    dispose: async () => {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  });
}

export function setup(db: Database, overrides: Partial<CreateAuthOptions> = {}) {
  const outbox: OutboxMessage[] = [];
  const auth = createAuth({
    prisma: db.prisma,
    secret: randomBytes(32).toString('base64'),
    baseURL: BASE_URL,
    send: async (m) => {
      outbox.push(m);
    },
    ...overrides,
  });
  const app = createApp({ auth, prisma: db.prisma, clientIp: (c) => c.req.header('x-test-ip') });
  return { auth, app, outbox };
}

/** A browser-ish client: keeps cookies, sends Origin, records the last Set-Cookie headers. */
export class Browser {
  cookies = new Map<string, string>();
  lastSetCookies: string[] = [];
  constructor(
    private app: { request(input: string, init?: RequestInit): Response | Promise<Response> },
    public ip = '203.0.113.10',
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async call(method: 'GET' | 'POST', path: string, body?: unknown) {
    const headers: Record<string, string> = { origin: BASE_URL, 'x-test-ip': this.ip };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.app.request(`${BASE_URL}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const maxAge = attrs.find((a) => a.trim().toLowerCase().startsWith('max-age='));
      if (value === '' || maxAge?.trim().toLowerCase() === 'max-age=0') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
  }
  post(path: string, body: unknown = {}) {
    return this.call('POST', path, body);
  }
  get(path: string) {
    return this.call('GET', path);
  }
}
