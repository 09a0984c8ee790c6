/**
 * Loading the reference data shipped in the package's `data/` (hospital trusts, counties, municipalities, catchment areas).
 * The files are read at run time so that updating them (see data/README.md) needs no rebuild.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, InternalError } from '../domain/errors.js';
import { parseReferenceData, type ReferenceData, type ReferenceTexts } from '../read/reference.js';
import { decode } from '../read/decode.js';

/** The package's `data/` directory. Both `src/io` and `dist/io` sit two levels below the package root. */
export const REFERENCE_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

const FILES: Readonly<ReferenceTexts> = { helseforetak: 'helseforetak.csv', fylker: 'fylker.csv', kommuner: 'kommuner.csv', opptaksomrader: 'opptaksomrader.csv' };

/**
 * Read and check the four reference files in `dir` (default: the package's `data/`). A file that cannot be
 * read is an `InternalError` (the installation is broken); a file that is malformed is an `InputError`
 * naming its lines (the user may have edited it).
 */
export function loadReferenceData(dir: string = REFERENCE_DIR): ReferenceData {
  const texts: ReferenceTexts = { helseforetak: '', fylker: '', kommuner: '', opptaksomrader: '' };
  const labels: ReferenceTexts = { helseforetak: '', fylker: '', kommuner: '', opptaksomrader: '' };
  for (const kind of Object.keys(FILES) as Array<keyof ReferenceTexts>) {
    const path = join(dir, FILES[kind]);
    labels[kind] = path;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      throw new InternalError('E_REFERENCE_MISSING', `cannot read the reference data file ${path}: ${(err as Error).message}`, err);
    }
    // Auto-detection forgives a file someone re-saved from Excel (BOM, or Windows-1252).
    const decoded = decode(bytes, path, 'auto');
    if (!decoded.ok) throw new InputError([decoded.issue], 'the reference data is invalid (1 problem)');
    texts[kind] = decoded.text;
  }
  return parseReferenceData(texts, labels);
}
