import { invalid, notFound } from '../errors';

/** Docker's way to name an object: its full id, its name, or an id prefix that fits only one. */
export function resolveRef<T extends { id: string }>(
  objects: readonly T[],
  ref: string,
  nameOf: (object: T) => string,
  kind: string,
): T {
  if (!ref) throw invalid(`no ${kind} given`);
  const byId = objects.find((o) => o.id === ref);
  if (byId) return byId;
  const named = objects.filter((o) => nameOf(o) === ref);
  if (named.length > 1)
    throw invalid(`${kind} ${ref} is ambiguous (${named.length} ${kind}s have that name): use the id`);
  if (named.length === 1) return named[0];
  const prefixed = objects.filter((o) => o.id.startsWith(ref));
  if (prefixed.length === 1) return prefixed[0];
  if (prefixed.length > 1) throw invalid(`${kind} ${ref} is ambiguous (${prefixed.length} matches)`);
  throw notFound(`${kind} ${ref} not found`);
}
