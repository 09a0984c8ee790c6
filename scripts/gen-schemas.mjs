// Writes data/programme.schema.json from the zod schema. Run after `npm run build`:
//   node scripts/gen-schemas.mjs
// test/config/schema-sync.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { programmeJsonSchema } = await import('../dist/io/config-load.js');
const target = fileURLToPath(new URL('../data/programme.schema.json', import.meta.url));
writeFileSync(target, programmeJsonSchema());
console.log(`wrote ${target}`);
