import type { Problem } from './errors';
import { type Lookup, substitute } from './interpolate';

/** One `KEY=VALUE` of an env file; `value` null for a bare `KEY` (take it from the environment). */
export interface EnvEntry {
  key: string;
  value: string | null;
  /** single-quoted values are taken literally, others are interpolated */
  literal: boolean;
  line: number;
}

export interface ParsedEnvFile {
  entries: EnvEntry[];
  problems: Problem[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Reads a `.env` or `env_file` file: `KEY=VALUE` lines, `#` comment lines, an optional `export `
 * in front, values optionally in single quotes (literal) or double quotes (with `\n`, `\t`, `\"`,
 * `\\` escapes, and spanning lines), ` #` starting a comment after an unquoted value.
 */
export function parseEnvFile(content: string, file: string): ParsedEnvFile {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const entries: EnvEntry[] = [];
  const problems: Problem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim();
    if (text === '' || text.startsWith('#')) continue;
    const statement = text.replace(/^export\s+/, '');
    const eq = statement.indexOf('=');
    const key = (eq < 0 ? statement : statement.slice(0, eq)).trim();
    const problem = (message: string) => problems.push({ file, line: i + 1, column: 1, path: '', message });
    if (!KEY.test(key)) {
      problem(`invalid variable name '${key}': expected letters, digits and _ . -`);
      continue;
    }
    if (eq < 0) {
      entries.push({ key, value: null, literal: false, line: i + 1 });
      continue;
    }
    const value = readValue(statement.slice(eq + 1).trimStart(), lines, i);
    if (!value.ok) {
      problem(value.message);
      continue;
    }
    entries.push({ key, value: value.text, literal: value.literal, line: i + 1 });
    i = value.lastLine;
  }
  return { entries, problems };
}

type ValueRead =
  { ok: true; text: string; literal: boolean; lastLine: number } | { ok: false; message: string };

function readValue(start: string, lines: readonly string[], line: number): ValueRead {
  const quote = start[0];
  if (quote !== '"' && quote !== "'") {
    return { ok: true, text: start.replace(/\s+#.*$/, '').trimEnd(), literal: false, lastLine: line };
  }
  // a quoted value may go on over the next lines until its closing quote
  let text = start.slice(1);
  for (let last = line; ; last++) {
    const close = closingQuote(text, quote);
    if (close >= 0) {
      const after = text.slice(close + 1).trim();
      if (after !== '' && !after.startsWith('#'))
        return { ok: false, message: `unexpected text after the closing quote: ${after}` };
      const raw = text.slice(0, close);
      return { ok: true, text: quote === '"' ? unescape(raw) : raw, literal: quote === "'", lastLine: last };
    }
    if (last + 1 >= lines.length) return { ok: false, message: `missing closing ${quote}` };
    text += `\n${lines[last + 1]}`;
  }
}

function closingQuote(text: string, quote: string): number {
  for (let i = 0; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (whole, c: string) => ESCAPES[c] ?? whole);
}

/**
 * The variables of an env file as a map: values interpolated (`B=${A}-x`) against LOOKUP and the
 * file's earlier lines, bare keys filled from LOOKUP (and left out when it has no value).
 */
export function resolveEnvFile(
  parsed: ParsedEnvFile,
  file: string,
  lookup: Lookup,
): { values: Map<string, string>; problems: Problem[] } {
  const values = new Map<string, string>();
  const problems = [...parsed.problems];
  const seen: Lookup = (name) => lookup(name) ?? values.get(name);
  for (const entry of parsed.entries) {
    if (entry.value === null) {
      const fromEnv = lookup(entry.key);
      if (fromEnv !== undefined) values.set(entry.key, fromEnv);
      continue;
    }
    if (entry.literal) {
      values.set(entry.key, entry.value);
      continue;
    }
    const result = substitute(entry.value, seen);
    if (result.ok) values.set(entry.key, result.value);
    else problems.push({ file, line: entry.line, column: 1, path: entry.key, message: result.message });
  }
  return { values, problems };
}
