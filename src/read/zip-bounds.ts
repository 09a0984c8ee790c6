/**
 * A zip container's limits checked before a spreadsheet library inflates it: how many entries, how large each
 * entry and all of them are when inflated. A zip bomb (a few kilobytes that inflate to gigabytes) or a sheet of
 * a million rows is refused here, within bounded time and memory, instead of inside the library. Sizes are
 * measured by inflating, never taken from the headers, which a hostile file can fill with anything. Pure (no fs).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Entries in the container. */
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
}

export type ZipCheck =
  | { ok: true; entries: string[]; inflatedBytes: number; /** The inflated bytes of the entry named by `keep`, when there is one. */ kept?: Uint8Array | undefined }
  | { ok: false; reason: 'not_zip' | 'zip64' | 'too_many_entries' | 'entry_too_large' | 'total_too_large' | 'corrupt' | 'encrypted'; entry?: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The inflated size of every entry, checked against `limits`; stops at the first entry over a limit. The entry
 * named `keep` (within the limits) is returned inflated, so that a reader need not inflate it again.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits, keep?: string): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment is at most that long).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'not_zip' };
  const count = u16(eocd + 10);
  const dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (count > limits.maxEntries) return { ok: false, reason: 'too_many_entries' };

  const names: string[] = [];
  let kept: Uint8Array | undefined;
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return { ok: false, reason: 'corrupt' };
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at = next;
    if (flags & 1) return { ok: false, reason: 'encrypted', entry: name };
    if (compressed === 0xffffffff || local === 0xffffffff) return { ok: false, reason: 'zip64' };
    if (local + 30 > bytes.length || u32(local) !== LOCAL) return { ok: false, reason: 'corrupt', entry: name };
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length) return { ok: false, reason: 'corrupt', entry: name };
    const data = bytes.subarray(start, start + compressed);
    const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    let size: number;
    if (method === 0) {
      size = compressed;
      if (name === keep) kept = data;
    } else if (method === 8) {
      try {
        // One byte past the room tells "too large" from "exactly at the limit".
        const inflated = inflateRawSync(data, { maxOutputLength: room + 1 });
        size = inflated.length;
        if (name === keep) kept = inflated;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') size = room + 1;
        else return { ok: false, reason: 'corrupt', entry: name };
      }
    } else return { ok: false, reason: 'corrupt', entry: name };
    if (size > limits.maxEntryBytes) return { ok: false, reason: 'entry_too_large', entry: name };
    total += size;
    if (total > limits.maxTotalBytes) return { ok: false, reason: 'total_too_large', entry: name };
    names.push(name);
  }
  return { ok: true, entries: names, inflatedBytes: total, kept };
}
