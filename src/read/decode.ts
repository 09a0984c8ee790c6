/**
 * Bytes → text. Candidate files come from Excel in two dialects: "CSV UTF-8" (with a BOM) and plain "CSV"
 * (Windows-1252 on Norwegian Windows). Auto-detection relies on Windows-1252 text with `æøå` almost never
 * being valid UTF-8. Pure (no fs).
 */
import { decodeCp1252, latin1 } from '../domain/cp1252.js';
import type { InputIssue } from '../domain/errors.js';

/** What the user may ask for with `--encoding`. */
import type { EncodingChoice } from '../domain/types.js';

export type { EncodingChoice };
/**
 * What was used. UTF-16 (Excel's "Unicode text") is recognised by its BOM in `auto` mode only. `cp850` is the
 * DOS code page of Excel's "CSV (MS-DOS)" and LibreOffice's "Western Europe (DOS/OS2-850)"; the Nordic DOS
 * page 865 has the same bytes for æ ø å Æ Ø Å.
 */
export type Encoding = 'utf8' | 'cp1252' | 'cp850' | 'utf16le' | 'utf16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Whether the bytes started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

export type DecodeResult = ({ ok: true } & Decoded) | { ok: false; issue: InputIssue };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decode a file's bytes. `auto`: a UTF-16 BOM means UTF-16; else valid UTF-8 (BOM or not) means UTF-8; else
 * Windows-1252. `utf8` refuses bytes that are not UTF-8 (with the line); `cp1252` decodes every byte. A NUL
 * byte means the file is not text (a spreadsheet saved as .xlsx, say) and is refused with its line.
 */
export function decode(bytes: Uint8Array, file: string, choice: EncodingChoice = 'auto'): DecodeResult {
  if (choice === 'auto') {
    const utf16 = utf16Encoding(bytes);
    if (utf16 !== null) {
      const text = new TextDecoder(utf16 === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
      const nul = text.indexOf('\0');
      if (nul >= 0) return { ok: false, issue: binaryIssue(file, lineOfText(text, nul)) };
      return { ok: true, text, encoding: utf16, bom: true };
    }
  }

  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) return { ok: false, issue: binaryIssue(file, lineOfBytes(body, nul)) };

  if (choice === 'cp1252') return { ok: true, text: decodeCp1252(body), encoding: 'cp1252', bom };
  if (choice === 'cp850') return { ok: true, text: decodeCp850(body), encoding: 'cp850', bom };

  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf8', bom };
  } catch {
    // Not UTF-8. A BOM claimed it was, and `--encoding utf8` insisted: both are the user's to fix.
    if (bom || choice === 'utf8') {
      const at = firstInvalidUtf8(body);
      const why = bom ? 'the file starts with a UTF-8 byte-order mark' : '--encoding utf8';
      const byte = (body[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      return {
        ok: false,
        issue: {
          code: 'invalid_utf8',
          file,
          line: lineOfBytes(body, at),
          message: `expected UTF-8 (${why}), got the byte 0x${byte}, which is not UTF-8; save the file as "CSV UTF-8" or use --encoding cp1252`,
          params: { kind: 'file', problem: 'not_utf8', byte, because: bom ? 'bom' : 'option' },
        },
      };
    }
    return looksLikeCp850(body)
      ? { ok: true, text: decodeCp850(body), encoding: 'cp850', bom: false }
      : { ok: true, text: decodeCp1252(body), encoding: 'cp1252', bom: false };
  }
}

/** Bytes of æ ø å Æ Ø Å in each single-byte encoding a Norwegian CSV file comes in, as Latin-1 characters. */
const NORWEGIAN_CP850 = /[\x91\x9b\x86\x92\x9d\x8f]/g;
const NORWEGIAN_CP1252 = /[\xe6\xf8\xe5\xc6\xd8\xc5]/g;

/**
 * Whether single-byte text is DOS (850/865) rather than Windows-1252: its Norwegian letters are the DOS bytes
 * (0x9B for ø, 0x86 for å), which in Windows-1252 are punctuation (`›`, `†`) that Norwegian text hardly ever has.
 */
function looksLikeCp850(bytes: Uint8Array): boolean {
  // Counted by native code (the Latin-1 decoder, a regular expression), not byte by byte in JavaScript: this runs
  // once per file, cold, where a loop over a 2,000-row file's bytes took about 20 ms.
  const text = latin1(bytes);
  return (text.match(NORWEGIAN_CP850)?.length ?? 0) > (text.match(NORWEGIAN_CP1252)?.length ?? 0);
}

/** IBM code page 850 (DOS Western Europe), 0x80–0xFF. */
const CP850_HIGH = Array.from(
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´­±‗¾¶§÷¸°¨·¹³²■ ',
);

function decodeCp850(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (CP850_HIGH[b - 0x80] ?? '\ufffd');
  return out;
}

function binaryIssue(file: string, line: number): InputIssue {
  return {
    code: 'binary_file',
    file,
    line,
    message: 'expected a text file (CSV), got a NUL byte: is this an Excel workbook (.xlsx)? Save it as "CSV UTF-8"',
    params: { kind: 'file', problem: 'binary' },
  };
}

function utf16Encoding(bytes: Uint8Array): 'utf16le' | 'utf16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** 1-based line of a byte offset; CRLF, LF and a lone CR each end a line. */
function lineOfBytes(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function lineOfText(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (per the Unicode table of
 * well-formed byte sequences: no overlongs, no surrogates, nothing above U+10FFFF), or -1 when all are valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}
