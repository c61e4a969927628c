// An employer's HR system posts this week's joiners with an API token that has member.manage.
//   UNIONHALL_TOKEN=uh_… node packages/client/examples/post-joiners.mjs http://localhost:3000 BJ-NO1-HS
// The token's unit bounds where members may be placed: a row naming a unit outside it is
// rejected like an unknown unit. Posting the same joiners again imports nobody twice.
import { createUnionhallClient, isUnionhallApiError } from '@unionhall/client';

const url = process.argv[2] ?? 'http://localhost:3000';
const unitCode = process.argv[3] ?? 'BJ-NO1-HS';
// Varies the example's people between runs (an HR system has real ones).
const seed = Number(process.argv[4] ?? 1);
const token = process.env.UNIONHALL_TOKEN;
if (!token) {
  console.error('Set UNIONHALL_TOKEN to an API token with the member.manage scope.');
  process.exit(2);
}

/** GB 11643 check character, so the made-up ID numbers are valid ones. */
function residentId(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce(
    (total, digit, index) => total + Number(digit) * weights[index],
    0,
  );
  return first17 + '10X98765432'.charAt(sum % 11);
}

const joiners = [
  { name: '陈晨', birth: '19950310', phone: '138' },
  { name: '林露', birth: '19980722', phone: '139' },
].map((person, index) => ({
  ...person,
  id: residentId(`330106${person.birth}${String((seed * 7 + index) % 1000).padStart(3, '0')}`),
  phone: `${person.phone}${String(seed * 10 + index)
    .padStart(8, '0')
    .slice(-8)}`,
}));

// CSV as an HR export would have it: a header row, then one person per line.
const csv = [
  'name,id number,phone,unit code,job title',
  ...joiners.map((joiner) => [joiner.name, joiner.id, joiner.phone, unitCode, '技术员'].join(',')),
].join('\n');

const client = createUnionhallClient({ url, token, locale: 'en' });
try {
  const result = await client.officer.memberImport.commit.mutate({
    file: Buffer.from(csv, 'utf8').toString('base64'),
    fileName: 'joiners.csv',
    mapping: { name: 0, idNumber: 1, phone: 2, unitCode: 3, jobTitle: 4 },
  });
  console.log(
    JSON.stringify({
      imported: result.imported,
      counts: result.counts,
      rejected: result.errorFile ? Buffer.from(result.errorFile, 'base64').toString('utf8') : null,
    }),
  );
} catch (error) {
  if (!isUnionhallApiError(error)) throw error;
  console.log(JSON.stringify({ error: error.data?.code ?? null, message: error.message }));
  process.exitCode = 1;
}
