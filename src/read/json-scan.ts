/**
 * A small JSON syntax scanner for config files. `JSON.parse` stays the parser; this scanner gives what it
 * does not: a syntax error's line and column with "expected … got …" text that is the same on every Node
 * version, duplicate keys (which `JSON.parse` silently resolves to the last), and the line of every value so
 * that schema problems can point at a line.
 */

/** A position in the text: 1-based line and column (column in Unicode code points). */
export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  /** `expected "," or "}" after a property value, got "]"` */
  message: string;
}

export interface JsonScan {
  /** The first syntax error, or null for well-formed JSON. */
  error: JsonSyntaxError | null;
  /** Keys that occur twice in one object, with the path of the repeated member and its line. */
  duplicates: Array<{ path: string; line: number }>;
  /** Line of each member's key / element's value, keyed by path as `formatPath` writes it (`a.b[2].c`). */
  lines: Map<string, number>;
}

/** Deeper nesting is reported as an error instead of risking the call stack. */
const MAX_DEPTH = 512;

class Stop extends Error {
  constructor(readonly offset: number, readonly why: string) {
    super(why);
  }
}

export function scanJson(text: string): JsonScan {
  const duplicates: Array<{ path: string; line: number }> = [];
  const lines = new Map<string, number>();
  // Line starts, for offset → line lookups while scanning.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x0a) lineStarts.push(k + 1);
    else if (ch === 0x0d) {
      if (text.charCodeAt(k + 1) === 0x0a) k++;
      lineStarts.push(k + 1);
    }
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const positionOf = (offset: number): TextPosition => {
    const line = lineOf(offset);
    const start = lineStarts[line - 1] ?? 0;
    // Count code points, not UTF-16 units, so that an emoji is one column.
    const column = [...text.slice(start, offset)].length + 1;
    return { line, column };
  };

  let i = 0;
  const got = (): string => {
    if (i >= text.length) return 'end of input';
    const cp = text.codePointAt(i) ?? 0;
    return JSON.stringify(String.fromCodePoint(cp));
  };
  const fail = (expected: string): never => {
    throw new Stop(i, `expected ${expected}, got ${got()}`);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };
  const join = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

  const str = (): string => {
    if (text[i] !== '"') fail('a string in double quotes');
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) {
        i = start;
        throw new Stop(start, 'expected a closing double quote for the string that starts here, got end of input');
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail('four hex digits after \\u');
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail('one of " \\ / b f n r t u after a backslash');
        }
        continue;
      }
      if (c < 0x20) fail('a closing double quote (a line break or control character must be escaped inside a string)');
      i++;
    }
  };

  const digits = (what: string): void => {
    const s = i;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (i === s) fail(what);
  };

  const num = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits('a digit');
    if (text[i] === '.') {
      i++;
      digits('a digit after the decimal point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits('a digit in the exponent');
    }
  };

  const value = (path: string, depth: number): void => {
    ws();
    if (depth > MAX_DEPTH) throw new Stop(i, `expected at most ${MAX_DEPTH} levels of nesting, got more`);
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'a property name in double quotes (JSON allows no comma before "}")' : 'a property name in double quotes');
        const keyAt = i;
        const key = str();
        const p = join(path, key);
        const line = lineOf(keyAt);
        if (seen.has(key)) duplicates.push({ path: p, line });
        else {
          seen.add(key);
          lines.set(p, line);
        }
        ws();
        if (text[i] !== ':') fail('":" after a property name');
        i++;
        value(p, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}" after a property value');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']') fail('a value (JSON allows no comma before "]")');
        const p = join(path, n);
        lines.set(p, lineOf(i));
        value(p, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]" after an array element');
      }
    }
    if (c === '"') {
      str();
      return;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      num();
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    fail('a value (object, array, string, number, true, false or null)');
  };

  try {
    value('', 0);
    ws();
    if (i < text.length) fail('end of input after the top-level value');
    return { error: null, duplicates, lines };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { error: { ...positionOf(e.offset), message: e.why }, duplicates, lines };
  }
}
