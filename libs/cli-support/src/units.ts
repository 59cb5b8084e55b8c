/** Sizes and durations as Docker takes and prints them. Pure. */

const BINARY: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};

/** "64m", "1.5g", "512k", "100" (bytes) → bytes, 1024-based as `docker run -m`; null when it is no size. */
export function parseBytes(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgtp]?)b?$/i.exec(text.trim());
  if (!m) return null;
  return Math.round(Number(m[1]) * BINARY[m[2].toLowerCase()]);
}

/** "30s", "1m30s", "500ms", "1h" → nanoseconds, as Go's time.ParseDuration. */
export function parseDuration(text: string): number {
  if (text === '0') return 0; // as Go's, the one duration that needs no unit
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]];
    consumed += m[0].length;
  }
  if (!text || consumed !== text.length)
    throw new Error(`invalid duration "${text}" (use e.g. 30s, 1m30s, 500ms)`);
  return Math.round(total);
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
