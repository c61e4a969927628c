import pg from 'pg';

/**
 * Fills a migrated scratch database with `members` members in one unit, an employer for every
 * 40 of them (each with two workplaces), and three status changes per member (applied,
 * approved, transferred), all in SQL on the server so it takes seconds, not minutes.
 * Returns the member ids, to spread the load over many rows.
 */
export async function generateMembers(url: string, members: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`
      INSERT INTO org_unit (id, parent_id, kind, name, code, path, depth, updated_at)
      VALUES ('00000000-0000-4000-8000-000000000001', NULL, 'UNION', 'Bench union', 'BENCH',
              '/00000000-0000-4000-8000-000000000001/', 0, now())`);
    await client.query(
      `
      INSERT INTO employer (id, name, credit_code, org_unit_id, workforce_size, address, updated_at)
      SELECT ('10000000-0000-4000-8000-' || lpad(to_hex(e), 12, '0'))::uuid,
             'Employer ' || e, '91330100' || lpad(e::text, 10, '0'),
             '00000000-0000-4000-8000-000000000001', 200 + e % 800,
             'Road ' || e || ', Hangzhou', now()
      FROM generate_series(1, $1::int) AS e`,
      [Math.max(1, Math.ceil(members / 40))],
    );
    await client.query(`
      INSERT INTO workplace (employer_id, name, address)
      SELECT e.id, 'Site ' || s, 'Site ' || s || ', ' || e.address
      FROM employer e CROSS JOIN generate_series(1, 2) AS s`);
    await client.query(
      `
      INSERT INTO member (id, member_number, org_unit_id, org_unit_path, status, name, search_name,
                          search_grams, sex, birth_date, phone, email, address, employer_id,
                          workplace_id, job_title, tags, joined_at, updated_at)
      SELECT ('20000000-0000-4000-8000-' || lpad(to_hex(m), 12, '0'))::uuid,
             lpad(m::text, 10, '0'),
             '00000000-0000-4000-8000-000000000001', '/00000000-0000-4000-8000-000000000001/',
             (CASE WHEN m % 10 = 0 THEN 'LAPSED' ELSE 'ACTIVE' END)::"MemberStatus",
             'Member ' || m, 'member' || m, ARRAY['me', 'em', 'mb'],
             CASE WHEN m % 2 = 0 THEN 'F' ELSE 'M' END,
             date '1970-01-01' + (m % 15000),
             '+86138' || lpad(m::text, 8, '0'), 'member' || m || '@example.org',
             'Flat ' || m || ', Xihu district, Hangzhou',
             ('10000000-0000-4000-8000-' || lpad(to_hex(1 + m % $2::int), 12, '0'))::uuid,
             NULL, 'Technician', ARRAY['bench'], now() - interval '1 year', now()
      FROM generate_series(1, $1::int) AS m`,
      [members, Math.max(1, Math.ceil(members / 40))],
    );
    await client.query(`
      INSERT INTO member_status_change (member_id, from_status, to_status, action, reason,
                                        actor_type, actor_id, occurred_at)
      SELECT m.id, s.from_status::"MemberStatus", s.to_status::"MemberStatus", s.action, s.reason,
             'OFFICER', NULL, now() - (s.months || ' months')::interval
      FROM member m CROSS JOIN (VALUES
        (NULL, 'APPLICANT', 'apply', NULL, 14),
        ('APPLICANT', 'ACTIVE', 'approve', 'Checked against the roster', 12),
        ('ACTIVE', 'ACTIVE', 'transfer', 'Transferred from another unit', 2)
      ) AS s(from_status, to_status, action, reason, months)`);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const { rows } = await client.query<{ id: string }>('SELECT id FROM member ORDER BY id');
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
