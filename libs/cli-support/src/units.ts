/** Sizes as Docker's flags take them. Pure. */

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
