import { describe, expect, it } from 'vitest';
import { decodeCp1252 } from '../../src/domain/cp1252.js';
import { decode, firstInvalidUtf8 } from '../../src/read/decode.js';
import { utf8 } from './helpers.js';

/** `Navn;Sted\r\nÆrlig Øyvind;Tromsø – Nord\r\n` as Excel's plain "CSV" writes it on Norwegian Windows. */
const CP1252 = new Uint8Array([
  ...Array.from('Navn;Sted\r\n', (c) => c.charCodeAt(0)),
  0xc6, ...Array.from('rlig ', (c) => c.charCodeAt(0)), 0xd8, ...Array.from('yvind;Troms', (c) => c.charCodeAt(0)), 0xf8,
  0x20, 0x96, 0x20, ...Array.from('Nord\r\n', (c) => c.charCodeAt(0)),
]);
const CP1252_TEXT = 'Navn;Sted\r\nÆrlig Øyvind;Tromsø – Nord\r\n';

describe('decode', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decode(utf8('a,b\nø,å\n'), 'f.csv')).toEqual({ ok: true, text: 'a,b\nø,å\n', encoding: 'utf8', bom: false });
  });

  it('strips a UTF-8 BOM and says so', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id;Kjønn\n')]);
    expect(decode(bytes, 'f.csv')).toEqual({ ok: true, text: 'id;Kjønn\n', encoding: 'utf8', bom: true });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (æøå and an en dash)', () => {
    expect(decode(CP1252, 'f.csv')).toEqual({ ok: true, text: CP1252_TEXT, encoding: 'cp1252', bom: false });
  });

  it('decodes Windows-1252 when forced, even for bytes that happen to be valid UTF-8', () => {
    // "Ã¸" in Windows-1252 is the UTF-8 encoding of "ø": forcing cp1252 must not second-guess the user.
    expect(decode(utf8('ø'), 'f.csv', 'cp1252')).toMatchObject({ ok: true, text: 'Ã¸', encoding: 'cp1252' });
  });

  it('refuses Windows-1252 bytes when UTF-8 is forced, with the line', () => {
    const r = decode(CP1252, 'f.csv', 'utf8');
    expect(r).toEqual({
      ok: false,
      issue: expect.objectContaining({ code: 'invalid_utf8', file: 'f.csv', line: 2, message: expect.stringContaining('0xC6') }),
    });
  });

  it('refuses bytes that are not UTF-8 after a UTF-8 BOM', () => {
    const r = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a\nb\n'), 0xf8]), 'f.csv');
    expect(r).toMatchObject({ ok: false, issue: { code: 'invalid_utf8', line: 3 } });
  });

  it.each([
    ['LF', 'a\nb\n\0'],
    ['CRLF', 'a\r\nb\r\n\0'],
    ['CR', 'a\rb\r\0'],
  ])('refuses a NUL byte as binary, located on its line (%s)', (_eol, text) => {
    expect(decode(utf8(text), 'f.csv')).toMatchObject({ ok: false, issue: { code: 'binary_file', file: 'f.csv', line: 3 } });
  });

  it('refuses an .xlsx (a zip file) as binary', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(decode(zip, 'book.xlsx')).toMatchObject({ ok: false, issue: { code: 'binary_file', line: 1 } });
  });

  it.each([
    ['utf16le', [0xff, 0xfe], (s: string) => Array.from(s).flatMap((c) => [c.charCodeAt(0), 0])],
    ['utf16be', [0xfe, 0xff], (s: string) => Array.from(s).flatMap((c) => [0, c.charCodeAt(0)])],
  ])('reads %s with its BOM (Excel "Unicode text")', (encoding, bom, enc) => {
    const bytes = new Uint8Array([...bom, ...enc('id\tKjønn\r\n')]);
    expect(decode(bytes, 'f.txt')).toEqual({ ok: true, text: 'id\tKjønn\r\n', encoding, bom: true });
  });
});

describe('decodeCp1252', () => {
  it('maps 0x80–0x9F as Windows-1252 does, not as Latin-1', () => {
    const high = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // Code points from the WHATWG index-windows-1252; the five undefined bytes map to themselves.
    const want = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    expect(Array.from(decodeCp1252(new Uint8Array(high)), (c) => c.codePointAt(0))).toEqual(want);
  });

  it('maps the rest byte for byte', () => {
    expect(decodeCp1252(new Uint8Array([0x41, 0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0xa0, 0xff]))).toBe('AæøåÆØÅ ÿ');
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0xc3, 0xb8], -1],
    [[0xe2, 0x80, 0x93], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xf8], 1],
    [[0xc0, 0xaf], 0], // overlong "/"
    [[0xe0, 0x80, 0xaf], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x61, 0xc3], 1], // truncated
  ])('%j → %d', (bytes, at) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
  });
});
