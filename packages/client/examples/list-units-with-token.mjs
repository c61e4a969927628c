// An integrator's script with an API token: list the units the token may read.
//   UNIONHALL_TOKEN=uh_… node packages/client/examples/list-units-with-token.mjs http://localhost:3000
// An admin creates the token in the console (API tokens) and sees its key once. The key is
// read from the environment, not the command line, so it does not show in the process list.
import { createUnionhallClient, isUnionhallApiError } from '@unionhall/client';

const url = process.argv[2] ?? 'http://localhost:3000';
const token = process.env.UNIONHALL_TOKEN;
if (!token) {
  console.error('Set UNIONHALL_TOKEN to an API token.');
  process.exit(2);
}
const client = createUnionhallClient({ url, token, locale: 'en' });

try {
  // Only the token's unit and the units below it, and only with the org.read scope.
  const units = await client.officer.org.list.query();
  console.log(JSON.stringify({ codes: units.map((unit) => unit.code).sort() }));
} catch (error) {
  // A revoked, expired or unknown token: 401 (UNAUTHORIZED). A missing scope: 403 (FORBIDDEN).
  if (!isUnionhallApiError(error)) throw error;
  console.log(JSON.stringify({ error: error.data?.code ?? null, message: error.message }));
  process.exitCode = 1;
}
