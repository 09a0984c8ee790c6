// Writes the committed JSON Schemas from their zod schemas. Run after `npm run build`:
//   node scripts/gen-schemas.mjs
// data/programme.schema.json: the programme config (test/config/schema-sync.test.ts keeps it in sync).
// data/summary.schema.json: every `--json` document and summary.json (test/golden/summary-schema.test.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { programmeJsonSchema } = await import('../dist/io/config-load.js');
const { summaryJsonSchema } = await import('../dist/app/summary-schema.js');
for (const [name, text] of [
  ['programme.schema.json', programmeJsonSchema()],
  ['summary.schema.json', summaryJsonSchema()],
]) {
  const target = fileURLToPath(new URL(`../data/${name}`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
