/**
 * A streaming reader for the shape of Tierwise files: one JSON object whose members are
 * small values (the head), plus lists of records that may hold millions of entries —
 * `data.<table>` (an object of lists) and `chunks` (a list). A backup of a large base is
 * bigger than the longest string V8 can make, so the file is never one string: text is
 * fed in pieces, each list element is cut out and handed over as its own JSON text, and
 * everything else is handed over member by member. Any whitespace layout is accepted.
 */

/** What the scanner found, in file order. */
export interface ScanHandlers {
  /** A top-level member other than `data` and `chunks`: its key and JSON text. */
  head(key: string, json: string): void;
  /** A list opens: `data.<table>` or `chunks`. */
  open(list: string): void;
  /** One element of the open list, as JSON text. */
  item(list: string, json: string): void;
  /** The open list closed. */
  close(list: string): void;
}

/** The text is not JSON of the expected shape; `truncated` when it simply stops. */
export class JsonShapeError extends Error {
  override name = 'JsonShapeError';
  constructor(
    message: string,
    readonly at: number,
    readonly truncated = false,
  ) {
    super(message);
  }
}

/** Keys that would reach an object's prototype if copied carelessly: refused everywhere. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const FORBIDDEN_KEY_TEXT = FORBIDDEN_KEYS.map((key) => `"${key}"`);

/**
 * The first forbidden key used as a member name anywhere in `json`, if any. Values are
 * data: a client named “constructor” is a client. The text test is cheap and almost
 * always settles it; only text that holds one of the names is parsed and walked.
 */
export function forbiddenKeyIn(json: string): string | undefined {
  if (!FORBIDDEN_KEY_TEXT.some((text) => json.includes(text))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined; // not JSON: the caller's own parse says so
  }
  return forbiddenKeyOf(value);
}

/** The first forbidden own member name in `value` or anything inside it. */
function forbiddenKeyOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = forbiddenKeyOf(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  // JSON.parse makes `__proto__` an own member (it never sets the prototype): keys see it.
  for (const key of Object.keys(value)) {
    if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) return key;
    const found = forbiddenKeyOf((value as Record<string, unknown>)[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const COMMA = 44;
const COLON = 58;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
const isScalarStart = (c: number): boolean =>
  c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110;

type Frame = { kind: 'root' | 'data' } | { kind: 'list'; name: string };
type Expect = 'root' | 'keyOrClose' | 'key' | 'colon' | 'value' | 'valueOrClose' | 'next' | 'end';
type Target = { kind: 'key' } | { kind: 'head'; key: string } | { kind: 'item'; list: string };

interface Capture {
  target: Target;
  parts: string[];
  scalar: boolean;
  depth: number;
  inString: boolean;
  escape: boolean;
}

export class JsonScanner {
  readonly #handlers: ScanHandlers;
  readonly #stack: Frame[] = [];
  #expect: Expect = 'root';
  #key = '';
  #capture: Capture | null = null;
  /** Characters consumed before the current piece. */
  #offset = 0;

  constructor(handlers: ScanHandlers) {
    this.#handlers = handlers;
  }

  /** Feeds the next piece of text. */
  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.#capture) {
        const end = this.#continueCapture(text, i);
        if (end === -1) break;
        i = end;
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i += 1;
        continue;
      }
      this.#structural(c, this.#offset + i);
      i += 1;
      if (this.#capture) {
        // The structural step started a capture at the character just consumed.
        i -= 1;
      }
    }
    this.#offset += text.length;
  }

  /** Ends the text; throws when it stopped before the object closed. */
  finish(): void {
    if (this.#capture?.scalar && this.#stack.length > 0) {
      throw new JsonShapeError('The file ends in the middle of a value.', this.#offset, true);
    }
    if (this.#expect === 'root') throw new JsonShapeError('The file is empty.', 0, true);
    if (this.#expect !== 'end' || this.#capture) {
      throw new JsonShapeError('The file ends too early.', this.#offset, true);
    }
  }

  #structural(c: number, at: number): void {
    const top = this.#stack.at(-1);
    switch (this.#expect) {
      case 'root':
        if (c !== LBRACE) throw new JsonShapeError('The file does not start with “{”.', at);
        this.#stack.push({ kind: 'root' });
        this.#expect = 'keyOrClose';
        return;
      case 'keyOrClose':
      case 'key':
        if (c === QUOTE) return this.#start({ kind: 'key' }, c);
        if (c === RBRACE && this.#expect === 'keyOrClose') return this.#pop();
        throw new JsonShapeError('Expected a member name.', at);
      case 'colon':
        if (c !== COLON) throw new JsonShapeError('Expected “:”.', at);
        this.#expect = 'value';
        return;
      case 'valueOrClose':
        if (c === RBRACKET) return this.#pop();
        return this.#value(c, at, top);
      case 'value':
        return this.#value(c, at, top);
      case 'next':
        if (c === COMMA) {
          this.#expect = top?.kind === 'list' ? 'value' : 'key';
          return;
        }
        if ((c === RBRACE && top?.kind !== 'list') || (c === RBRACKET && top?.kind === 'list')) {
          return this.#pop();
        }
        throw new JsonShapeError('Expected “,” or the end of a list or object.', at);
      case 'end':
        throw new JsonShapeError('Unexpected text after the end of the file’s object.', at);
    }
  }

  #value(c: number, at: number, top: Frame | undefined): void {
    if (top?.kind === 'root' && (this.#key === 'data' || this.#key === 'chunks')) {
      if (this.#key === 'data' && c === LBRACE) {
        this.#stack.push({ kind: 'data' });
        this.#expect = 'keyOrClose';
        return;
      }
      if (this.#key === 'chunks' && c === LBRACKET) return this.#openList('chunks');
      throw new JsonShapeError(`“${this.#key}” has the wrong type.`, at);
    }
    if (top?.kind === 'data') {
      if (c === LBRACKET) return this.#openList(`data.${this.#key}`);
      throw new JsonShapeError(`“data.${this.#key}” must be a list.`, at);
    }
    const target: Target =
      top?.kind === 'list' ? { kind: 'item', list: top.name } : { kind: 'head', key: this.#key };
    if (c === QUOTE || c === LBRACE || c === LBRACKET || isScalarStart(c)) {
      return this.#start(target, c);
    }
    throw new JsonShapeError('Expected a value.', at);
  }

  #openList(name: string): void {
    this.#stack.push({ kind: 'list', name });
    this.#expect = 'valueOrClose';
    this.#handlers.open(name);
  }

  #pop(): void {
    const frame = this.#stack.pop();
    if (frame?.kind === 'list') this.#handlers.close(frame.name);
    this.#expect = this.#stack.length === 0 ? 'end' : 'next';
  }

  #start(target: Target, c: number): void {
    this.#capture = {
      target,
      parts: [],
      scalar: c !== QUOTE && c !== LBRACE && c !== LBRACKET,
      depth: 0,
      inString: false,
      escape: false,
    };
  }

  /** Scans the capture on; returns where it ended in `text`, or -1 when `text` ran out. */
  #continueCapture(text: string, from: number): number {
    const capture = this.#capture;
    if (!capture) return from;
    if (capture.scalar) {
      for (let i = from; i < text.length; i += 1) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === RBRACE || c === RBRACKET || isSpace(c)) {
          capture.parts.push(text.slice(from, i));
          this.#endCapture(capture);
          return i;
        }
      }
      capture.parts.push(text.slice(from));
      return -1;
    }
    let { depth, inString, escape } = capture;
    for (let i = from; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === BACKSLASH) escape = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) {
            capture.parts.push(text.slice(from, i + 1));
            this.#endCapture(capture);
            return i + 1;
          }
        }
      } else if (c === QUOTE) inString = true;
      else if (c === LBRACE || c === LBRACKET) depth += 1;
      else if (c === RBRACE || c === RBRACKET) {
        depth -= 1;
        if (depth === 0) {
          capture.parts.push(text.slice(from, i + 1));
          this.#endCapture(capture);
          return i + 1;
        }
      }
    }
    Object.assign(capture, { depth, inString, escape });
    capture.parts.push(text.slice(from));
    return -1;
  }

  #endCapture(capture: Capture): void {
    this.#capture = null;
    const json = capture.parts.join('');
    const { target } = capture;
    if (target.kind === 'key') {
      let key: unknown;
      try {
        key = JSON.parse(json);
      } catch {
        throw new JsonShapeError('A member name is not valid JSON.', this.#offset);
      }
      this.#key = String(key);
      this.#expect = 'colon';
      return;
    }
    this.#expect = 'next';
    if (target.kind === 'head') this.#handlers.head(target.key, json);
    else this.#handlers.item(target.list, json);
  }
}
