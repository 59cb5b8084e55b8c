import type { Dependency } from '@berth/cluster';
import { type CompileContext, report, scoped } from './context';
import { isPlainMap, mapOf, readChoice, readStringList } from './read';
import type { Path } from './tree';

const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'] as const;

/**
 * `depends_on:` as a list of services or a mapping with `condition:`, naming services of this
 * stack by their short names; the spec names them in full.
 */
export function compileDependencies(
  ctx: CompileContext,
  value: unknown,
  path: Path,
  services: ReadonlySet<string>,
): Dependency[] {
  const wanted: { name: string; condition: unknown; path: Path }[] = Array.isArray(value)
    ? readStringList(ctx, value, path).map((name, i) => ({ name, condition: undefined, path: [...path, i] }))
    : Object.entries(mapOf(value)).map(([name, options]) => ({
        name,
        condition: isPlainMap(options) ? options.condition : undefined,
        path: [...path, name],
      }));
  return wanted.flatMap(({ name, condition, path: at }) => {
    if (!services.has(name)) {
      report(ctx, at, `service '${name}' is not defined in this stack`);
      return [];
    }
    const chosen = readChoice(ctx, condition ?? 'service_started', [...at, 'condition'], CONDITIONS);
    if (chosen === 'service_completed_successfully') {
      report(
        ctx,
        [...at, 'condition'],
        "condition 'service_completed_successfully' is not supported: a service's tasks do not complete",
      );
      return [];
    }
    return chosen ? [{ service: scoped(ctx, name), condition: chosen }] : [];
  });
}

/**
 * Cycles among services' dependencies (each found once, from its first service in name order):
 * a cycle means none of them would ever start.
 */
export function findDependencyCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (name: string, trail: string[]) => {
    const at = trail.indexOf(name);
    if (at >= 0) {
      cycles.push([...trail.slice(at), name]);
      return;
    }
    if (done.has(name)) return;
    for (const next of graph.get(name) ?? []) visit(next, [...trail, name]);
    done.add(name);
  };
  for (const name of [...graph.keys()].sort()) visit(name, []);
  return cycles;
}
