/**
 * Located reading of a JSON config. `jsonc-parser` (strict: no comments, no trailing commas) scans the text
 * and checks its grammar; this module adds what a user needs from that walk: the first syntax error with
 * its line, column and "expected … got …" text (the same on every Node version, which `JSON.parse`'s
 * messages are not), keys that occur twice (`JSON.parse` silently keeps the last), and the line of every
 * member so that schema problems can point at a line. `JSON.parse` stays the parser of the value itself.
 */
import { printParseErrorCode, visit, type JSONPath, type ParseErrorCode } from 'jsonc-parser';
import { formatPath } from '../domain/programme.js';

/** A position in the text: 1-based line and column (column in Unicode code points). */
interface TextPosition {
  line: number;
  column: number;
}

interface JsonSyntaxError extends TextPosition {
  /** `expected "," or "}" after a property value, got "]"` */
  message: string;
}

export interface LocatedJson {
  /** The first syntax error, or null for well-formed JSON. */
  error: JsonSyntaxError | null;
  /** Keys that occur twice in one object, with the path of the repeated member and its line. */
  duplicates: Array<{ path: string; line: number }>;
  /** Line of each member's key / element's value, keyed by path as `formatPath` writes it (`a.b[2].c`). */
  lines: Map<string, number>;
}

/** Deeper nesting is reported as an error: the walk is recursive and would otherwise exhaust the stack. */
const MAX_DEPTH = 512;

const A_VALUE = 'a value (object, array, string, number, true, false or null)';

/** What the grammar allows next inside one open object or array (or at the top level). */
type Expect = 'value' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'valueOrClose' | 'end';

interface Frame {
  kind: 'object' | 'array' | 'top';
  expect: Expect;
  /** Keys seen so far (objects only). */
  keys: Set<string>;
}

/** Thrown from a visitor callback to end the walk at the first error. */
class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
    /** The token `got` names, when it is not simply the character at `offset`. */
    readonly got?: string,
  ) {
    super(expected);
  }
}

/** Walk `text` once; stops at the first syntax error. */
export function readJsonLocated(text: string): LocatedJson {
  const duplicates: Array<{ path: string; line: number }> = [];
  const lines = new Map<string, number>();
  const stack: Frame[] = [{ kind: 'top', expect: 'value', keys: new Set() }];
  const frame = (): Frame => stack[stack.length - 1] as Frame;

  const expectation = (at: number): string => {
    const f = frame();
    switch (f.expect) {
      case 'key':
        return text[at] === '}' ? 'a property name in double quotes (JSON allows no comma before "}")' : 'a property name in double quotes';
      case 'keyOrClose':
        return 'a property name in double quotes';
      case 'colon':
        return '":" after a property name';
      case 'value':
        return f.kind === 'array' && text[at] === ']' ? 'a value (JSON allows no comma before "]")' : A_VALUE;
      case 'valueOrClose':
        return A_VALUE;
      case 'commaOrClose':
        return f.kind === 'object' ? '"," or "}" after a property value' : '"," or "]" after an array element';
      case 'end':
        return 'end of input after the top-level value';
    }
  };
  const fail = (at: number): never => {
    throw new Stop(at, expectation(at));
  };

  /** A value starts: record its line when it is an array element (members are recorded at their key). */
  const valueStarts = (startLine: number, path: () => JSONPath): void => {
    if (frame().kind === 'array') lines.set(formatPath(path()), startLine + 1);
  };
  const valueEnds = (): void => {
    const f = frame();
    f.expect = f.kind === 'top' ? 'end' : 'commaOrClose';
  };
  const open = (kind: 'object' | 'array', offset: number): void => {
    // `stack` holds the top level too, hence the + 1.
    if (stack.length > MAX_DEPTH + 1) throw new Stop(offset, `at most ${MAX_DEPTH} levels of nesting`, 'more');
    stack.push({ kind, expect: kind === 'object' ? 'keyOrClose' : 'valueOrClose', keys: new Set() });
  };
  /** jsonc-parser also ends an object or array at the end of input; only a real bracket closes it. */
  const close = (bracket: '}' | ']', offset: number): void => {
    if (text[offset] !== bracket) fail(offset);
    stack.pop();
    valueEnds();
  };

  try {
    visit(
      text,
      {
        onObjectBegin: (offset, _length, startLine, _char, path) => {
          valueStarts(startLine, path);
          open('object', offset);
        },
        onObjectEnd: (offset) => close('}', offset),
        onArrayBegin: (offset, _length, startLine, _char, path) => {
          valueStarts(startLine, path);
          open('array', offset);
        },
        onArrayEnd: (offset) => close(']', offset),
        onLiteralValue: (_value, _offset, _length, startLine, _char, path) => {
          valueStarts(startLine, path);
          valueEnds();
        },
        onObjectProperty: (key, _offset, _length, startLine, _char, path) => {
          const f = frame();
          const member = formatPath([...path(), key]);
          if (f.keys.has(key)) duplicates.push({ path: member, line: startLine + 1 });
          else {
            f.keys.add(key);
            lines.set(member, startLine + 1);
          }
          f.expect = 'colon';
        },
        onSeparator: (separator) => {
          const f = frame();
          f.expect = separator === ':' ? 'value' : f.kind === 'object' ? 'key' : 'value';
        },
        onError: (code, offset, length) => {
          // jsonc-parser flags a bad token before the grammar looks at it: where the grammar wants no value
          // here at all, that is the error to report.
          const expect = frame().expect;
          const valueHere = expect === 'value' || expect === 'valueOrClose';
          const keyHere = expect === 'key' || expect === 'keyOrClose';
          const token = text.slice(offset, offset + length);
          if (token.startsWith('"') ? valueHere || keyHere : valueHere) {
            const word = /^(?:true|false|null)/.exec(token)?.[0];
            if (word !== undefined) {
              // jsonc-parser reads `nullx` as one unknown word; JSON reads the literal, then trips on the rest.
              valueEnds();
              fail(offset + word.length);
            }
            const bad = tokenError(text, code, offset, length);
            if (bad !== null) throw bad;
          }
          fail(offset);
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
    return { error: null, duplicates, lines };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { error: { ...positionOf(text, e.offset), message: `expected ${e.expected}, got ${e.got ?? gotAt(text, e.offset)}` }, duplicates, lines };
  }
}

/**
 * An error inside one string or number token, placed at the offending character. Null for errors that the
 * grammar's expectation explains (a missing comma, an unknown word, a comment: JSON has none).
 */
function tokenError(text: string, code: ParseErrorCode, offset: number, length: number): Stop | null {
  const token = text.slice(offset, offset + length);
  const end = offset + length;
  if (token.startsWith('"')) {
    // jsonc-parser flags a string once (the last problem it met); report its first bad character instead.
    const bad = stringError(token, offset);
    if (bad !== null || printParseErrorCode(code) !== 'UnexpectedEndOfString') return bad;
    // An unterminated string ends at a line break or at the end of input.
    return end >= text.length ? new Stop(offset, 'a closing double quote for the string that starts here', 'end of input') : new Stop(end, UNESCAPED_CONTROL);
  }
  switch (printParseErrorCode(code)) {
    case 'UnexpectedEndOfNumber':
      return new Stop(end, token.endsWith('.') ? 'a digit after the decimal point' : 'a digit in the exponent');
    case 'InvalidSymbol':
      return token === '-' ? new Stop(end, 'a digit') : null;
    default:
      return null;
  }
}

const UNESCAPED_CONTROL = 'a closing double quote (a line break or control character must be escaped inside a string)';

/** The first bad character of a string token that jsonc-parser flagged as a whole. */
function stringError(token: string, offset: number): Stop | null {
  for (let k = 1; k < token.length; k++) {
    const c = token.charCodeAt(k);
    if (c === 0x5c) {
      const e = token[k + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(token.slice(k + 2, k + 6))) return new Stop(offset + k + 2, 'four hex digits after \\u');
        k += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) k++;
      else return new Stop(offset + k + 1, 'one of " \\ / b f n r t u after a backslash');
    } else if (c < 0x20) return new Stop(offset + k, UNESCAPED_CONTROL);
  }
  return null;
}

function gotAt(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  return JSON.stringify(String.fromCodePoint(text.codePointAt(offset) ?? 0));
}

/** Line and column of an offset; the column counts code points, so that an emoji is one column. */
function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  let line = 1;
  for (let k = 0; k < lineStart; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) line++;
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}
