// P3: GET /members/:id answers a member with its employer and status history, either through
// Prisma (BENCH_ORM=prisma: packages/db's openDatabase, as the product opens PostgreSQL) or
// through raw pg (BENCH_ORM=pg) running the very statements Prisma sends (captured from its
// query log: three round trips), on a pool of the same size. Same Hono route around both.
import { serve } from '@hono/node-server';
import { openDatabase } from '@unionhall/db';
import { Hono } from 'hono';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const orm = process.env.BENCH_ORM ?? 'prisma';
/** openDatabase's default pool size. */
const POOL_MAX = 10;

type Lookup = (id: string) => Promise<unknown>;

async function prismaLookup(): Promise<Lookup> {
  const db = await openDatabase({ url, poolMax: POOL_MAX });
  return (id) =>
    db.prisma.member.findUnique({
      where: { id },
      select: {
        id: true,
        memberNumber: true,
        name: true,
        status: true,
        phone: true,
        email: true,
        joinedAt: true,
        version: true,
        employer: { select: { id: true, name: true, creditCode: true } },
        statusChanges: {
          orderBy: { occurredAt: 'asc' },
          select: {
            fromStatus: true,
            toStatus: true,
            action: true,
            reason: true,
            occurredAt: true,
          },
        },
      },
    });
}

// Prisma 7's statements for the query above, verbatim (parameters included).
const MEMBER_SQL = `SELECT "public"."member"."id", "public"."member"."member_number", "public"."member"."name", "public"."member"."status"::text, "public"."member"."phone", "public"."member"."email", "public"."member"."joined_at", "public"."member"."version", "public"."member"."employer_id" FROM "public"."member" WHERE ("public"."member"."id" = $1 AND 1=1) LIMIT $2 OFFSET $3`;
const EMPLOYER_SQL = `SELECT "public"."employer"."id", "public"."employer"."name", "public"."employer"."credit_code" FROM "public"."employer" WHERE "public"."employer"."id" = $1 OFFSET $2`;
const HISTORY_SQL = `SELECT "public"."member_status_change"."id", "public"."member_status_change"."from_status"::text, "public"."member_status_change"."to_status"::text, "public"."member_status_change"."action", "public"."member_status_change"."reason", "public"."member_status_change"."occurred_at", "public"."member_status_change"."member_id" FROM "public"."member_status_change" WHERE "public"."member_status_change"."member_id" = $1 ORDER BY "public"."member_status_change"."occurred_at" ASC OFFSET $2`;

interface MemberRow {
  id: string;
  member_number: string | null;
  name: string;
  status: string;
  phone: string | null;
  email: string | null;
  joined_at: Date | null;
  version: number;
  employer_id: string | null;
}
interface EmployerRow {
  id: string;
  name: string;
  credit_code: string | null;
}
interface HistoryRow {
  from_status: string | null;
  to_status: string;
  action: string;
  reason: string | null;
  occurred_at: Date;
}

function pgLookup(): Lookup {
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX });
  return async (id) => {
    const member = (await pool.query<MemberRow>(MEMBER_SQL, [id, 1, 0])).rows[0];
    if (!member) return null;
    const employer = member.employer_id
      ? (await pool.query<EmployerRow>(EMPLOYER_SQL, [member.employer_id, 0])).rows[0]
      : undefined;
    const history = (await pool.query<HistoryRow>(HISTORY_SQL, [id, 0])).rows;
    return {
      id: member.id,
      memberNumber: member.member_number,
      name: member.name,
      status: member.status,
      phone: member.phone,
      email: member.email,
      joinedAt: member.joined_at,
      version: member.version,
      employer: employer
        ? { id: employer.id, name: employer.name, creditCode: employer.credit_code }
        : null,
      statusChanges: history.map((row) => ({
        fromStatus: row.from_status,
        toStatus: row.to_status,
        action: row.action,
        reason: row.reason,
        occurredAt: row.occurred_at,
      })),
    };
  };
}

const lookup = orm === 'pg' ? pgLookup() : await prismaLookup();
const app = new Hono();
app.get('/members/:id', async (c) => {
  const member = await lookup(c.req.param('id'));
  return member ? c.json(member) : c.json({ error: 'not found' }, 404);
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`READY ${info.port}\n`);
});

// Exit normally on SIGTERM, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
