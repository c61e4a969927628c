// A plain Node script, as an integrator would write one: read the union's organization tree.
//   node packages/client/examples/read-tree.mjs http://localhost:3000
import { createUnionhallClient } from '@unionhall/client';

const url = process.argv[2] ?? 'http://localhost:3000';
const client = createUnionhallClient({ url, locale: 'en' });

const units = await client.public.org.tree.query();
const root = units.find((unit) => unit.parentId === null);
console.log(
  JSON.stringify({
    root: root?.name ?? null,
    units: units.length,
    // superjson brings dates back as Date objects, not strings.
    createdAtIsDate: units.every((unit) => unit.createdAt instanceof Date),
  }),
);
