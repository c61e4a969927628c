// An employer's HR system posts this week's leavers with an API token that has member.manage.
//   UNIONHALL_TOKEN=uh_… node packages/client/examples/post-leavers.mjs http://localhost:3000 <employer id> <member number>…
// Each leaver's employment at that employer ends on the day they left, and the member is
// tagged 待跟进 for the union to follow up (a transfer or a lapse): the membership status does
// not change. Members outside the token's unit are "notFound", like unknown ones. Posting the
// same leavers again changes nothing ("alreadyClosed").
import { createUnionhallClient, isUnionhallApiError } from '@unionhall/client';

const url = process.argv[2] ?? 'http://localhost:3000';
const employerId = process.argv[3];
const memberNumbers = process.argv.slice(4);
const token = process.env.UNIONHALL_TOKEN;
if (!token) {
  console.error('Set UNIONHALL_TOKEN to an API token with the member.manage scope.');
  process.exit(2);
}
if (!employerId || memberNumbers.length === 0) {
  console.error('Usage: post-leavers.mjs <url> <employer id> <member number>…');
  process.exit(2);
}

// An HR system knows its people by ID number, phone or member number; this one uses the last.
const leftOn = new Date().toISOString().slice(0, 10);
const leavers = memberNumbers.map((memberNumber) => ({
  memberNumber,
  leftOn,
  reason: '合同到期',
}));

const client = createUnionhallClient({ url, token, locale: 'en' });
try {
  const result = await client.officer.employment.recordLeavers.mutate({ employerId, leavers });
  console.log(JSON.stringify(result));
} catch (error) {
  if (!isUnionhallApiError(error)) throw error;
  console.log(JSON.stringify({ error: error.data?.code ?? null, message: error.message }));
  process.exitCode = 1;
}
