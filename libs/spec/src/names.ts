import { type CompileContext, scoped } from './context';
import { isPlainMap, mapOf } from './read';

/**
 * The name in the cluster of a top-level network, volume, secret or config: an external one's own
 * name (`name:`, the old `external: {name:}`, else its key), else `name:` or `${stack}_${key}`.
 */
export function objectName(ctx: CompileContext, key: string, declaration: unknown): string {
  const d = mapOf(declaration);
  const given = typeof d.name === 'string' && d.name !== '' ? d.name : undefined;
  const externalName =
    isPlainMap(d.external) && typeof d.external.name === 'string' ? d.external.name : undefined;
  if (isExternal(d.external)) return given ?? externalName ?? key;
  return given ?? scoped(ctx, key);
}

export function isExternal(value: unknown): boolean {
  return value === true || value === 'true' || isPlainMap(value);
}
