/** Reading Prometheus text exposition in tests: scrape a /metrics URL, find samples by name and labels. */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** GETs URL and returns the body; throws naming the URL and status when it does not answer 200. */
export async function scrape(url: string): Promise<{ contentType: string; text: string }> {
  const answer = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await answer.text();
  if (answer.status !== 200) throw new Error(`GET ${url}: ${answer.status} ${text}`);
  return { contentType: answer.headers.get('content-type') ?? '', text };
}

/** Every sample of the exposition TEXT (comments skipped). */
export function samples(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** The values of NAME's samples whose labels include LABELS. */
export function valuesOf(text: string, name: string, labels: Record<string, string> = {}): number[] {
  return samples(text)
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .map((s) => s.value);
}

/** The one value of NAME with LABELS; throws when there is none or several. */
export function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  const values = valuesOf(text, name, labels);
  if (values.length !== 1)
    throw new Error(`${values.length} samples of ${name} ${JSON.stringify(labels)}, expected one`);
  return values[0];
}
