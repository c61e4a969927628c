import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { residentIdCheckCharacter } from '@unionhall/domain';

/**
 * Member rows as an HR system exports them (the import's zh-CN headers), generated so that
 * every row is valid and no two rows of one file — nor of two files with different `first`
 * ranges — share an ID number, a mobile number or a name with a birth date.
 */
export const MEMBER_CSV_HEADER = '姓名,身份证号,手机,邮箱,单位代码,用人单位,岗位,入会日期';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯健俊帆鹏飞晨阳雪琳婷',
];
/** Grassroots units of the demo tree (packages/db seed) the rows are spread over. */
const UNITS = [
  'BJ-NO1-HS',
  'BJ-UNIV',
  'HX-STEEL',
  'DF-HEAVY-01',
  'XH-LOGI-WH',
  'WJ-MART',
  'YF-TECH',
];
const EMPLOYERS = Array.from({ length: 40 }, (_, index) => `基准测试用人单位${index + 1}号`);
const JOBS = ['教师', '工程师', '仓管员', '配送员', '收银员', '技术员', '行政'];

/** Birth dates cycle through this many days from 1965-01-01 (all before 2005). */
const DAYS = 14_600;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1965, 0, 1);

/** Row `n` (0-based, unique across a run): one valid joiner. */
export function memberRow(n: number): string {
  const birth = new Date(FIRST_DAY + (n % DAYS) * DAY_MS).toISOString().slice(0, 10);
  // The sequence digits make the ID unique: with the day they cover 14.6 million rows.
  const sequence = String(Math.floor(n / DAYS) % 1000).padStart(3, '0');
  const first17 = `110105${birth.replaceAll('-', '')}${sequence}`;
  const idNumber = first17 + residentIdCheckCharacter(first17);
  // 100 million distinct numbers in a range the demo members do not use.
  const phone = `166${String(n % 100_000_000).padStart(8, '0')}`;
  // Surname × two given characters: 48 × 48 × 48 names; with the birth day, unique far past
  // a million rows, so no row reads as "same name and birth date" as another.
  const name =
    (SURNAMES[n % SURNAMES.length] ?? '王') +
    (GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length] ?? '伟') +
    (GIVEN[Math.floor(n / (SURNAMES.length * GIVEN.length)) % GIVEN.length] ?? '芳');
  const unit = UNITS[n % UNITS.length] ?? 'BJ-NO1-HS';
  const employer = EMPLOYERS[n % EMPLOYERS.length] ?? '';
  const job = JOBS[n % JOBS.length] ?? '';
  return `${name},${idNumber},${phone},m${n}@bench.example.org,${unit},${employer},${job},2024-09-01`;
}

/** A whole file of rows first … first+count-1, in memory (small files only). */
export function memberCsv(first: number, count: number): string {
  const lines = [MEMBER_CSV_HEADER];
  for (let n = first; n < first + count; n += 1) lines.push(memberRow(n));
  return `\uFEFF${lines.join('\n')}\n`;
}

/** Writes rows first … first+count-1 to a file without holding it in memory; returns bytes. */
export async function writeMemberCsv(path: string, first: number, count: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${MEMBER_CSV_HEADER}\n`);
  let chunk = '';
  for (let n = first; n < first + count; n += 1) {
    chunk += `${memberRow(n)}\n`;
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return bytes;
}
