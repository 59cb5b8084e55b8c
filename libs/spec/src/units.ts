/**
 * The plain values compose files write (numbers, booleans, file modes), also as text. Each
 * returns undefined for text it cannot read; the callers turn that into a problem with a position.
 * Sizes, durations and CPUs are the cluster's units (`libs/cluster/src/units.ts`).
 */

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
