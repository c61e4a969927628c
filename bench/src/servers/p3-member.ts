// P3: GET /members/:id answers a member with its employer and status history, either through
// Prisma (BENCH_ORM=prisma: packages/db's openDatabase, as the product opens PostgreSQL) or
// through raw pg (BENCH_ORM=pg) running the very statement Prisma sends (captured from its
// query log: one round trip), on a pool of the same size. Same Hono route around both.
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

// Prisma 7's statement for the query above, verbatim (parameters included): with the
// relationJoins preview feature (packages/db/prisma/schema.prisma) one statement, the employer
// and the history joined laterally as JSON.
const MEMBER_SQL = `SELECT "t0"."id", "t0"."member_number" AS "memberNumber", "t0"."name", "t0"."status"::text, "t0"."phone", "t0"."email", "t0"."joined_at" AS "joinedAt", "t0"."version", "t0"."employer_id" AS "employerId", "Member_employer"."__prisma_data__" AS "employer", "Member_statusChanges"."__prisma_data__" AS "statusChanges" FROM "public"."member" AS "t0" LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('id', "t1"."id", 'name', "t1"."name", 'creditCode', "t1"."credit_code") AS "__prisma_data__" FROM "public"."employer" AS "t1" WHERE "t0"."employer_id" = "t1"."id" LIMIT $1) AS "Member_employer" ON true LEFT JOIN LATERAL (SELECT COALESCE(JSONB_AGG("__prisma_data__"), '[]') AS "__prisma_data__" FROM (SELECT "t4"."__prisma_data__" FROM (SELECT JSONB_BUILD_OBJECT('fromStatus', "t3"."from_status", 'toStatus', "t3"."to_status", 'action', "t3"."action", 'reason', "t3"."reason", 'occurredAt', "t3"."occurred_at") AS "__prisma_data__", "t3"."occurred_at" FROM (SELECT "t2".* FROM "public"."member_status_change" AS "t2" WHERE "t0"."id" = "t2"."member_id" /* root select */) AS "t3" /* inner select */) AS "t4" ORDER BY "t4"."occurred_at" ASC /* middle select */) AS "t5" /* outer select */) AS "Member_statusChanges" ON true WHERE ("t0"."id" = $2 AND 1=1) LIMIT $3`;

interface MemberRow {
  id: string;
  memberNumber: string | null;
  name: string;
  status: string;
  phone: string | null;
  email: string | null;
  joinedAt: Date | null;
  version: number;
  employerId: string | null;
  employer: { id: string; name: string; creditCode: string | null } | null;
  statusChanges: {
    fromStatus: string | null;
    toStatus: string;
    action: string;
    reason: string | null;
    occurredAt: string;
  }[];
}

/** A timestamp inside JSON, as PostgreSQL writes it (no zone: UTC, as Prisma reads it). */
function jsonDate(value: string): Date {
  return new Date(/(Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`);
}

function pgLookup(): Lookup {
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX });
  return async (id) => {
    const member = (await pool.query<MemberRow>(MEMBER_SQL, ['1', id, '1'])).rows[0];
    if (!member) return null;
    const { employerId: _employerId, employer, statusChanges, ...rest } = member;
    return {
      ...rest,
      employer: employer
        ? { id: employer.id, name: employer.name, creditCode: employer.creditCode }
        : null,
      // jsonb keeps keys in its own order: put them back in the select's, as Prisma does.
      statusChanges: statusChanges.map((row) => ({
        fromStatus: row.fromStatus,
        toStatus: row.toStatus,
        action: row.action,
        reason: row.reason,
        occurredAt: jsonDate(row.occurredAt),
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
