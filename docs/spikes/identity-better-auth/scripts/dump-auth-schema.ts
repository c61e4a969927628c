// Prints the tables/fields Better Auth expects for our config (what the Prisma models must hold).
import { getSchema } from 'better-auth/db';
import { createAuth } from '../src/auth';

const auth = createAuth({
  prisma: {} as never,
  secret: 'x'.repeat(32),
  baseURL: 'https://unionhall.test',
  send: async () => {},
});
const schema = getSchema(auth.options as never);
for (const [model, t] of Object.entries(schema)) {
  console.log(`\n## ${model}`);
  for (const [f, a] of Object.entries((t as any).fields)) {
    const x = a as any;
    console.log(`  ${f}: ${x.type}${x.bigint ? '(bigint)' : ''}${x.required ? '' : '?'}${x.unique ? ' unique' : ''}${x.index ? ' index' : ''}${x.references ? ` -> ${x.references.model}.${x.references.field} ${x.references.onDelete ?? ''}` : ''}${x.defaultValue !== undefined ? ' default' : ''}`);
  }
  if ((t as any).indexes) console.log('  indexes:', JSON.stringify((t as any).indexes));
}
