/**
 * Windows-1252, the encoding Excel's plain "CSV" uses on Norwegian Windows, as the WHATWG Encoding Standard
 * defines it: the one table, for reading (src/read/decode.ts) and for writing test and sample files (the fixture
 * generator). Not `TextDecoder('windows-1252')`: Node's decodes 0x80–0x9F as Latin-1 C1 controls since Node
 * 20.18.3 / 22.13.0 (nodejs/node#56542, #60888), turning 0x96 (`–`) and 0x80 (`€`) into invisible characters.
 * Pure.
 */

/**
 * Code points of the bytes 0x80–0x9F. Every other byte is its own code point (Latin-1). The five bytes
 * Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls, as the WHATWG decoder does.
 */
const HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const BYTE_OF_HIGH = new Map<number, number>(HIGH.map((cp, i) => [cp, 0x80 + i]));

/** The code point of one Windows-1252 byte. */
function codePointOf(byte: number): number {
  return byte >= 0x80 && byte < 0xa0 ? (HIGH[byte - 0x80] as number) : byte;
}

/** Decode Windows-1252 bytes (every byte decodes: the encoding has no invalid sequences). */
export function decodeCp1252(bytes: Uint8Array): string {
  // Latin-1 is every byte as its own code point, decoded natively (a loop over the bytes was about 20 ms of a
  // 2,000-row file, run once, cold); then only the bytes 0x80–0x9F, which Latin-1 reads as C1 controls, are mapped.
  return latin1(bytes).replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(codePointOf(c.charCodeAt(0))));
}

/** Each byte as the code point of the same number (ISO-8859-1), decoded natively. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Encode text as Windows-1252 (Node's TextEncoder only does UTF-8); the inverse of `decodeCp1252`. Throws a
 * RangeError naming the code point and its index (never the text, which may hold personal data) for a character
 * Windows-1252 cannot hold.
 */
export function encodeCp1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    const byte = cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) ? cp : BYTE_OF_HIGH.get(cp);
    if (byte === undefined) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      throw new RangeError(`cannot encode U+${hex} (at index ${i}) in Windows-1252`);
    }
    out[n++] = byte;
  }
  return out.subarray(0, n);
}
