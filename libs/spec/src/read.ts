import { type CompileContext, report } from './context';
import type { Path } from './tree';
import { describeValue, joinOr } from './words';
import { parseBytes, parseDurationMs } from '@berth/cluster';
import { parseBoolean, parseInteger, parseNumber } from './units';

/**
 * Typed reads of a validated document. The schema lets most numbers and flags also be text (so
 * `${REPLICAS}` can stand there), so the reading is finished here: each reader returns the value,
 * or undefined after reporting a problem at PATH. An absent value (undefined) is no problem.
 */

export type Plain = Record<string, unknown>;

export function isPlainMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mapping at VALUE, or an empty one (the schema has already refused anything else). */
export function mapOf(value: unknown): Plain {
  return isPlainMap(value) ? value : {};
}

export function readString(ctx: CompileContext, value: unknown, path: Path): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  report(ctx, path, `expected a string, got ${describeValue(value)}`);
  return undefined;
}

export function readInteger(
  ctx: CompileContext,
  value: unknown,
  path: Path,
  range: { min?: number; max?: number } = {},
): number | undefined {
  return readNumeric(ctx, value, path, range, parseInteger, 'an integer');
}

export function readNumber(
  ctx: CompileContext,
  value: unknown,
  path: Path,
  range: { min?: number; max?: number } = {},
): number | undefined {
  return readNumeric(ctx, value, path, range, parseNumber, 'a number');
}

/** VALUE read by PARSE and kept within RANGE; a problem naming WHAT was expected otherwise. */
function readNumeric(
  ctx: CompileContext,
  value: unknown,
  path: Path,
  range: { min?: number; max?: number },
  parse: (value: unknown) => number | undefined,
  what: string,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = parse(value);
  if (n === undefined) {
    report(ctx, path, `expected ${what}, got ${describeValue(value)}`);
    return undefined;
  }
  return checkRange(ctx, n, path, range);
}

function checkRange(ctx: CompileContext, n: number, path: Path, range: { min?: number; max?: number }) {
  if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    const bounds =
      range.max === undefined
        ? `at least ${range.min}`
        : range.min === undefined
          ? `at most ${range.max}`
          : `between ${range.min} and ${range.max}`;
    report(ctx, path, `expected a number ${bounds}, got ${n}`);
    return undefined;
  }
  return n;
}

export function readBoolean(ctx: CompileContext, value: unknown, path: Path): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  const b = parseBoolean(value);
  if (b === undefined) report(ctx, path, `expected true or false, got ${describeValue(value)}`);
  return b;
}

/** A Go duration (`1m30s`) in milliseconds. */
export function readDuration(ctx: CompileContext, value: unknown, path: Path): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? parseDurationMs(value) : undefined;
  if (ms === undefined)
    report(
      ctx,
      path,
      `invalid duration ${describeValue(value)}: expected a number and a unit (ns, us, ms, s, m, h), e.g. '1m30s'`,
    );
  return ms;
}

/** A size (`512M`, `1.5g`, bytes) in bytes. */
export function readBytes(ctx: CompileContext, value: unknown, path: Path): number | undefined {
  if (value === undefined || value === null) return undefined;
  const bytes = typeof value === 'string' || typeof value === 'number' ? parseBytes(value) : undefined;
  if (bytes === undefined)
    report(
      ctx,
      path,
      `invalid size ${describeValue(value)}: expected a number and a unit (b, k, m, g, t), e.g. '512M'`,
    );
  return bytes;
}

/** One of WORDS. */
export function readChoice<T extends string>(
  ctx: CompileContext,
  value: unknown,
  path: Path,
  words: readonly T[],
): T | undefined {
  const text = readString(ctx, value, path);
  if (text === undefined) return undefined;
  if ((words as readonly string[]).includes(text)) return text as T;
  report(ctx, path, `expected ${joinOr(words.map((w) => `'${w}'`))}, got '${text}'`);
  return undefined;
}

/** "A string or a list of strings" (`dns: 8.8.8.8`, `tmpfs: [/run, /tmp]`). */
export function readStringList(ctx: CompileContext, value: unknown, path: Path): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const one = readString(ctx, value, path);
    return one === undefined ? [] : [one];
  }
  return value.flatMap((item, i) => {
    const text = readString(ctx, item, [...path, i]);
    return text === undefined ? [] : [text];
  });
}

/**
 * "A list or a mapping" (`environment`, `labels`, `sysctls`): `{A: 1}` or `[A=1]`. A key without
 * a value (`A:` or `- A`) maps to null. Values are text.
 */
export function readKeyValues(ctx: CompileContext, value: unknown, path: Path): Map<string, string | null> {
  const pairs = new Map<string, string | null>();
  if (value === undefined || value === null) return pairs;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const text = readString(ctx, item, [...path, i]);
      if (text === undefined) return;
      const eq = text.indexOf('=');
      pairs.set(eq < 0 ? text : text.slice(0, eq), eq < 0 ? null : text.slice(eq + 1));
    });
    return pairs;
  }
  for (const [key, v] of Object.entries(mapOf(value))) {
    pairs.set(key, v === null || v === undefined ? null : (readString(ctx, v, [...path, key]) ?? null));
  }
  return pairs;
}

/** Labels: keys with no value get ''. */
export function readLabels(ctx: CompileContext, value: unknown, path: Path): Record<string, string> {
  return Object.fromEntries([...readKeyValues(ctx, value, path)].map(([k, v]) => [k, v ?? '']));
}
