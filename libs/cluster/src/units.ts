/**
 * The units Berth reads and prints everywhere — flags, compose files, Dockerfile instructions, the
 * manager's own flags — in one place, so `1GiB` means the same in a stack file and in
 * `--reserve-memory`. Pure. Readers return undefined for text they cannot read; callers say where.
 */

const DURATION_UNITS_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3, // micro sign
  μs: 1e3, // Greek mu, which Go accepts too
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's time.ParseDuration: `1m30s`, `10s`, `500ms`, `1.5h`, `.5s`, `0`; to whole nanoseconds. */
export function parseDurationNs(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0; // as Go's, the one duration that needs no unit
  const body = trimmed.replace(/^[+]/, '');
  if (body === '' || body.startsWith('-')) return undefined;
  let total = 0;
  let rest = body;
  while (rest !== '') {
    const match = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * DURATION_UNITS_NS[match[2]];
    rest = rest.slice(match[0].length);
  }
  return Math.round(total);
}

/** parseDurationNs to whole milliseconds (the cluster's unit for durations). */
export function parseDurationMs(text: string): number | undefined {
  const ns = parseDurationNs(text);
  return ns === undefined ? undefined : Math.round(ns / 1e6);
}

/** parseDurationNs for a flag's value: throws saying how to write one. */
export function requireDurationNs(text: string): number {
  const ns = parseDurationNs(text);
  if (ns === undefined) throw new Error(`invalid duration "${text}" (use e.g. 30s, 1m30s, 500ms)`);
  return ns;
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};

/**
 * Docker's RAMInBytes: `512M`, `1g`, `1024k`, `1.5G`, `100` (bytes); units are powers of 1024,
 * any case, optionally followed by `b` or `ib` (`512MB`, `1GiB`, `100b`). A number is bytes.
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

/** Nanoseconds as Go's time.Duration prints them: "0s", "500ms", "1.5s", "1m30s", "1h0m0s". */
export function formatDuration(ns: number): string {
  if (ns < 0) return `-${formatDuration(-ns)}`;
  if (ns === 0) return '0s';
  const decimal = (n: number) => String(Number(n.toFixed(9)));
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${decimal(ns / 1e3)}µs`;
  if (ns < 1e9) return `${decimal(ns / 1e6)}ms`;
  const hours = Math.floor(ns / 3600e9);
  const minutes = Math.floor((ns % 3600e9) / 60e9);
  const seconds = `${decimal((ns % 60e9) / 1e9)}s`;
  if (hours) return `${hours}h${minutes}m${seconds}`;
  return minutes ? `${minutes}m${seconds}` : seconds;
}

/** Bytes in 1024-based units as docker's go-units BytesSize prints them: "64MiB", "1.5GiB", "100B". */
export function formatBinarySize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let size = bytes;
  let i = 0;
  for (; size >= 1024 && i < units.length - 1; i++) size /= 1024;
  return `${Number(size.toPrecision(4))}${units[i]}`;
}
