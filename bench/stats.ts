/** Small statistics for benchmarks: percentiles over milliseconds, and a table beside a peer. */

export interface Summary {
  name: string;
  n: number;
  min: number;
  p50: number;
  p90: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function summarise(name: string, samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    n: sorted.length,
    min: sorted[0],
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    max: sorted[sorted.length - 1],
  };
}

/** Rows with each figure's ratio to the reference row's p50. */
export function table(rows: Summary[], reference: string): string {
  const ref = rows.find((r) => r.name === reference)?.p50 ?? NaN;
  const head = ['', 'n', 'min ms', 'p50 ms', 'p90 ms', 'max ms', `p50 / ${reference}`];
  const body = rows.map((r) => [
    r.name,
    String(r.n),
    r.min.toFixed(2),
    r.p50.toFixed(2),
    r.p90.toFixed(2),
    r.max.toFixed(2),
    (r.p50 / ref).toFixed(2) + '×',
  ]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  return all
    .map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    .join('\n');
}
