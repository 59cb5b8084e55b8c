/**
 * The units compose files write, read into the cluster's (milliseconds, bytes, nano-CPUs). Each
 * returns undefined for text it cannot read; the callers turn that into a problem with a position.
 */

const DURATION_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration: `1m30s`, `10s`, `500ms`, `1.5h`, `0`; to whole milliseconds. */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const body = trimmed.replace(/^[+]/, '');
  if (body === '' || body.startsWith('-')) return undefined;
  let total = 0;
  let rest = body;
  while (rest !== '') {
    const match = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * DURATION_UNITS_MS[match[2]];
    rest = rest.slice(match[0].length);
  }
  return Math.round(total);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};

/**
 * Docker's RAMInBytes: `512M`, `1g`, `1024k`, `1.5G`, `100` (bytes); units are powers of 1024,
 * any case, optionally followed by `b` or `ib` (`512MB`, `1GiB`).
 */
export function parseBytes(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?$/i.exec(value.trim());
  if (!match) return undefined;
  const [, number, unit, suffix] = match;
  if (unit === '' && suffix && suffix.toLowerCase() === 'ib') return undefined;
  return Math.round(Number(number) * SIZE_UNITS[unit.toLowerCase()]);
}

/** `0.5`, `'2'` CPUs → nano-CPUs (1e9 per CPU). */
export function parseNanoCpus(value: string | number): number | undefined {
  const cpus =
    typeof value === 'number' ? value : /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(cpus) || cpus < 0) return undefined;
  return Math.round(cpus * 1e9);
}

/** Whole numbers, also as text (values that came through interpolation are text). */
export function parseInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(value))
    return Number(value);
  return undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'off', '0']);

/** true/false, also as text in the spellings compose accepts (`"true"`, `yes`, `on`, …). */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/**
 * A file mode: a number (YAML `0440` is already octal) or text, where a leading 0 means octal as
 * in Go (`"0440"`, `"0o440"`).
 */
export function parseFileMode(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 && value <= 0o7777 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const octal = /^0o?([0-7]+)$/i.exec(text);
  const mode = octal ? parseInt(octal[1], 8) : /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(mode) && mode <= 0o7777 ? mode : undefined;
}
