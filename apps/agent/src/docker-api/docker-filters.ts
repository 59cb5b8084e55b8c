/**
 * Docker's `filters` query parameter as moby's filters.Args reads it: keys checked against the
 * ones a route accepts, then matched exactly, by pattern (all or part of a name) or as a label
 * list. Pure.
 */
import { FilterError, filterList } from './docker-views';

export class DockerFilters {
  private constructor(private readonly fields: ReadonlyMap<string, readonly string[]>) {}

  /** QUERY (the raw parameter) parsed; a key not in ACCEPTED is refused as dockerd does. */
  static parse(query: string | undefined, accepted: readonly string[]): DockerFilters {
    const fields = new Map<string, string[]>();
    for (const entry of filterList(query)) {
      const eq = entry.indexOf('=');
      const key = entry.slice(0, eq);
      if (!accepted.includes(key)) throw new FilterError(`invalid filter '${key}'`);
      fields.set(key, [...(fields.get(key) ?? []), entry.slice(eq + 1)]);
    }
    return new DockerFilters(fields);
  }

  static none(): DockerFilters {
    return new DockerFilters(new Map());
  }

  has(key: string): boolean {
    return this.fields.has(key);
  }

  get(key: string): readonly string[] {
    return this.fields.get(key) ?? [];
  }

  /** True when KEY is not given, or one of its values is SOURCE. */
  exact(key: string, source: string): boolean {
    return !this.has(key) || this.get(key).includes(source);
  }

  /** True when KEY is not given, or one of its values is SOURCE or a pattern found in it. */
  match(key: string, source: string): boolean {
    return !this.has(key) || this.get(key).some((v) => v === source || patternFound(v, source));
  }

  /** True when KEY is not given, or LABELS have every one of its `k` or `k=v` values. */
  labels(key: string, labels: Readonly<Record<string, string>>): boolean {
    if (!this.has(key)) return true;
    return this.get(key).every((v) => {
      const eq = v.indexOf('=');
      if (eq < 0) return v in labels;
      const k = v.slice(0, eq);
      return k in labels && labels[k] === v.slice(eq + 1);
    });
  }

  /** A key that takes one boolean (`dangling`, `all`): null when not given. */
  bool(key: string): boolean | null {
    const values = this.get(key);
    if (!values.length) return null;
    if (values.length > 1) throw new FilterError(`got more than one value for filter key "${key}"`);
    if (values[0] === '1' || values[0] === 'true') return true;
    if (values[0] === '0' || values[0] === 'false') return false;
    throw new FilterError(`invalid value for filter '${key}', must be "true" (or "1"), or "false" (or "0")`);
  }
}

/** moby matches a filter value as a regular expression; one that is not matches nothing. */
function patternFound(pattern: string, source: string): boolean {
  try {
    return new RegExp(pattern).test(source);
  } catch {
    return false;
  }
}

const GO_DURATION_UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * A moment as dockerd reads one (`since`, `until`): Unix seconds with an optional fraction
 * (`1700000000.123456789`), a date (RFC 3339), or a Go duration (`10m`, `1h30m`) back from NOW.
 * In milliseconds.
 */
export function parseTimestamp(text: string, now = Date.now()): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const units = /^((\d+(\.\d+)?)(ns|us|µs|ms|s|m|h))+$/.test(text)
    ? [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)]
    : null;
  if (units) return now - units.reduce((sum, [, n, unit]) => sum + Number(n) * GO_DURATION_UNIT_MS[unit], 0);
  const date = Date.parse(text);
  if (Number.isNaN(date)) throw new FilterError(`failed to parse value as time or duration: "${text}"`);
  return date;
}
