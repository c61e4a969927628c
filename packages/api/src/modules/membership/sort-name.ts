import type { PrismaClient } from '@unionhall/db';
import { normalizeForSearch } from '@unionhall/domain';
import { pinyin } from 'pinyin-pro';

/**
 * Members are listed in the order a Chinese reader expects: by the pinyin of their name, as a
 * dictionary or a phone's contacts sort it (李 li, 王 wang, 张 zhang), not by code point (which
 * puts 张 before 李 and 王 after both). Each record keeps a sort key, `sort_name`, written
 * with the name; the column is compared byte by byte (COLLATE "C", see the migration), so the
 * order and the keyset pages do not depend on the database's locale.
 *
 * The key is the syllables with their tone number (李 → li3: same letters sort by tone, as in
 * dictionaries), a space between them (so li sorts before lin), then a separator below the
 * space and the name itself, so that names of one reading (张伟, 章伟) stay together in a stable
 * order. The first character is read as a surname (单 shan, 曾 zeng). Letters outside Chinese
 * keep their place in lower case, so Latin names sort among the syllables.
 */
export function memberSortName(name: string): string {
  const normalized = normalizeForSearch(name);
  const syllables = pinyin(normalized, {
    toneType: 'num',
    type: 'array',
    surname: 'head',
    nonZh: 'consecutive',
    v: true,
  });
  return `${syllables.join(' ').toLowerCase()}\u0001${normalized}`;
}

/** Rows filled per statement when filling in missing keys. */
const FILL_BATCH = 1_000;

/**
 * Writes the sort key of every member row that has none: rows from before the column existed
 * (the migration cannot run pinyin-pro) and rows written by raw inserts that leave it out.
 * Run at start-up; a batch at a time, each one statement, so a large table does not hold one
 * long transaction. Returns how many rows it filled.
 */
export async function fillMissingSortNames(prisma: PrismaClient): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await prisma.member.findMany({
      where: { sortName: '', name: { not: '' } },
      select: { id: true, name: true },
      take: FILL_BATCH,
    });
    if (rows.length === 0) return filled;
    const values = rows.map((row) => ({ id: row.id, sort_name: memberSortName(row.name) }));
    await prisma.$executeRaw`
      UPDATE member AS m SET sort_name = v.sort_name
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id uuid, sort_name text)
      WHERE m.id = v.id AND m.sort_name = ''`;
    filled += rows.length;
    if (rows.length < FILL_BATCH) return filled;
  }
}
