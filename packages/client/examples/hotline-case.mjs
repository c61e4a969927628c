// A hotline system opens a case for a caller who is a member, with an API token that has the
// case.handle scope (and case.read to read it back).
//   UNIONHALL_TOKEN=uh_… node packages/client/examples/hotline-case.mjs http://localhost:3000 <memberId>
// The case id is chosen here, once per call record: sending it again after a lost answer (a
// timeout, a restart) returns the same case and never opens a second one.
import { randomUUID } from 'node:crypto';
import { createUnionhallClient, isUnionhallApiError } from '@unionhall/client';

const url = process.argv[2] ?? 'http://localhost:3000';
const memberId = process.argv[3];
const token = process.env.UNIONHALL_TOKEN;
if (!token || !memberId) {
  console.error('Set UNIONHALL_TOKEN (scopes case.read, case.handle) and pass a member id.');
  process.exit(2);
}

const client = createUnionhallClient({ url, token, locale: 'en' });
const callRecord = { id: randomUUID(), receivedAt: new Date() };
try {
  const opened = await client.officer.cases.create.mutate({
    id: callRecord.id,
    memberId,
    channel: 'HOTLINE',
    kind: 'WORKPLACE_PROBLEM',
    topic: 'WAGES_UNPAID',
    title: '热线来电：拖欠工资',
    narrative: `来电时间 ${callRecord.receivedAt.toISOString()}。会员反映单位连续两个月未发工资。`,
  });
  const retried = await client.officer.cases.create.mutate({
    id: callRecord.id,
    memberId,
    kind: 'WORKPLACE_PROBLEM',
    topic: 'WAGES_UNPAID',
    title: '热线来电：拖欠工资',
    narrative: '重发',
  });
  console.log(`opened ${opened.id}; the retry answered ${retried.id}`);
  const detail = await client.officer.cases.get.query({ id: opened.id });
  console.log(`${detail.number}: ${detail.stage.nameEn}, due ${detail.deadline ?? '—'}`);
} catch (error) {
  if (isUnionhallApiError(error)) {
    console.error(`${error.data?.appCode ?? 'ERROR'}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
