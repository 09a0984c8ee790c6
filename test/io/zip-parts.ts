/**
 * The text of every part of a zip that the tool writes (deflated entries, sizes in the local headers, no data
 * descriptors), by name: for tests that look inside a written workbook.
 */
import { inflateRawSync } from 'node:zlib';

export function zipParts(bytes: Uint8Array): Map<string, string> {
  const buf = Buffer.from(bytes);
  const out = new Map<string, string>();
  for (let at = 0; at + 30 < buf.length && buf.readUInt32LE(at) === 0x04034b50; ) {
    const size = buf.readUInt32LE(at + 18);
    const n = buf.readUInt16LE(at + 26);
    const start = at + 30 + n + buf.readUInt16LE(at + 28);
    out.set(buf.subarray(at + 30, at + 30 + n).toString(), inflateRawSync(buf.subarray(start, start + size)).toString('utf8'));
    at = start + size;
  }
  return out;
}
