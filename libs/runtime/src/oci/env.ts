/** KEY=value lists: EXTRA adds to BASE and overrides same-named entries, keeping BASE's order. */
export function mergeEnv(base: readonly string[], extra: readonly string[]): string[] {
  const name = (e: string) => e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('='));
  const overrides = new Map(extra.map((e) => [name(e), e]));
  const merged = base.map((e) => overrides.get(name(e)) ?? e);
  const present = new Set(base.map(name));
  return [...merged, ...extra.filter((e) => !present.has(name(e)))];
}
