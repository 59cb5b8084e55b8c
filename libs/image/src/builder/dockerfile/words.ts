/**
 * Dockerfile words: quotes, escapes and variable substitution as Docker's
 * shell lexer does them for ENV, LABEL, COPY, WORKDIR and the rest:
 *   $VAR ${VAR} ${VAR:-default} ${VAR-default} ${VAR:+alt} ${VAR+alt} ${VAR:?error}
 * 'single quotes' keep everything; "double quotes" allow $ and escapes. Pure.
 */

export type Lookup = (name: string) => string | undefined;

export class SubstitutionError extends Error {}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

class Lexer {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly lookup: Lookup,
    private readonly escape: string,
  ) {}

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  /** Words split on unquoted whitespace; SPLIT=false reads the whole text as one word. */
  words(split: boolean): string[] {
    const words: string[] = [];
    let word = '';
    // as in a shell: a word exists if it has characters or quotes; an empty expansion alone makes none
    let quoted = false;
    const finish = () => {
      if (word || quoted) words.push(word);
      word = '';
      quoted = false;
    };
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (split && /\s/.test(c)) {
        finish();
        this.pos++;
        continue;
      }
      if (c === this.escape) {
        this.pos++;
        word += this.pos < this.text.length ? this.text[this.pos++] : this.escape;
      } else if (c === "'") {
        quoted = true;
        word += this.singleQuoted();
      } else if (c === '"') {
        quoted = true;
        word += this.doubleQuoted();
      } else if (c === '$') word += this.variable();
      else {
        word += c;
        this.pos++;
      }
    }
    finish();
    return words;
  }

  private singleQuoted(): string {
    const end = this.text.indexOf("'", this.pos + 1);
    if (end < 0)
      throw new SubstitutionError('unexpected end of statement while looking for matching single-quote');
    const value = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return value;
  }

  private doubleQuoted(): string {
    this.pos++;
    let value = '';
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === '"') {
        this.pos++;
        return value;
      }
      if (c === this.escape) {
        const next = this.text[this.pos + 1];
        if (next === '"' || next === '$' || next === this.escape) {
          value += next;
          this.pos += 2;
          continue;
        }
      }
      if (c === '$') value += this.variable();
      else {
        value += c;
        this.pos++;
      }
    }
    throw new SubstitutionError('unexpected end of statement while looking for matching double-quote');
  }

  private variable(): string {
    this.pos++; // the $
    const c = this.peek();
    if (c === '{') return this.braced();
    if (!NAME_START.test(c)) return '$';
    let name = '';
    while (NAME_CHAR.test(this.peek())) name += this.text[this.pos++];
    return this.lookup(name) ?? '';
  }

  private braced(): string {
    this.pos++; // the {
    let name = '';
    while (NAME_CHAR.test(this.peek())) name += this.text[this.pos++];
    if (!name)
      throw new SubstitutionError(
        `bad substitution: missing variable name at "${this.text.slice(this.pos - 2, this.pos + 8)}"`,
      );
    if (this.peek() === '}') {
      this.pos++;
      return this.lookup(name) ?? '';
    }
    let modifier = this.text[this.pos++];
    if (modifier === ':') modifier += this.text[this.pos++] ?? '';
    if (![':-', '-', ':+', '+', ':?', '?'].includes(modifier))
      throw new SubstitutionError(`bad substitution: unsupported modifier "${modifier}" in \${${name}...}`);
    // the word runs to the matching brace, and is itself expanded
    let depth = 1;
    const start = this.pos;
    while (this.pos < this.text.length && depth > 0) {
      const ch = this.text[this.pos];
      if (ch === this.escape) this.pos++;
      else if (ch === '{') depth++;
      else if (ch === '}') depth--;
      this.pos++;
    }
    if (depth > 0) throw new SubstitutionError(`bad substitution: missing '}' in \${${name}${modifier}...`);
    const word =
      new Lexer(this.text.slice(start, this.pos - 1), this.lookup, this.escape).words(false)[0] ?? '';
    const value = this.lookup(name);
    const setNonEmpty = value !== undefined && value !== '';
    const set = modifier.startsWith(':') ? setNonEmpty : value !== undefined;
    switch (modifier) {
      case ':-':
      case '-':
        return set ? value! : word;
      case ':+':
      case '+':
        return set ? word : '';
      default:
        if (!set) throw new SubstitutionError(`${name}: ${word || 'is not set'}`);
        return value!;
    }
  }
}

/** Split TEXT into words, removing quotes and expanding variables. */
export function processWords(text: string, lookup: Lookup, escape = '\\'): string[] {
  return new Lexer(text, lookup, escape).words(true);
}

/** TEXT as one word (whitespace kept), quotes removed and variables expanded. */
export function processWord(text: string, lookup: Lookup, escape = '\\'): string {
  return new Lexer(text, lookup, escape).words(false)[0] ?? '';
}

/** KEY=value pairs (ENV, LABEL, ARG), or the old one-pair form "KEY value with spaces". */
export function keyValuePairs(
  text: string,
  lookup: Lookup,
  escape = '\\',
  legacy = true,
): [string, string][] {
  const words = processWords(text, lookup, escape);
  if (words.length && !words[0].includes('=')) {
    if (!legacy) throw new SubstitutionError(`"${words[0]}" has no value (expected KEY=value)`);
    const rest = text.trim().slice(text.trim().search(/\s/)).trim();
    if (!rest || /^\s*$/.test(rest)) throw new SubstitutionError(`${words[0]} needs a value`);
    return [[words[0], processWord(rest, lookup, escape)]];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new SubstitutionError(`"${w}" is not of the form KEY=value`);
    return [w.slice(0, eq), w.slice(eq + 1)];
  });
}

/** TEXT split on unquoted whitespace with quotes and escapes left in place: each word still to be processed. */
export function rawWords(text: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && i + 1 < text.length && quote !== "'") {
      word += c + text[++i];
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word += c;
    } else if (/\s/.test(c)) {
      if (word) words.push(word);
      word = '';
    } else word += c;
  }
  if (quote)
    throw new SubstitutionError(
      `unexpected end of statement while looking for matching ${quote === '"' ? 'double' : 'single'}-quote`,
    );
  if (word) words.push(word);
  return words;
}
