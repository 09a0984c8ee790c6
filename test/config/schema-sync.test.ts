import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { programmeSchema } from '../../src/domain/programme.js';
import { programmeJsonSchema } from '../../src/io/config-load.js';

const committed = readFileSync(new URL('../../data/programme.schema.json', import.meta.url), 'utf8');

describe('data/programme.schema.json', () => {
  it('is what z.toJSONSchema(programmeSchema(z)) gives (regenerate: npm run build && node scripts/gen-schemas.mjs)', () => {
    expect(JSON.parse(committed)).toEqual(z.toJSONSchema(programmeSchema(z)));
    expect(committed).toBe(programmeJsonSchema());
  });

  it('forbids unknown keys, like the zod strictObject', () => {
    const schema = JSON.parse(committed) as { additionalProperties?: unknown; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('startDate');
  });
});
