import {
  FILE_OBJECT_WORD,
  fileTarget,
  STACK_LABEL,
  type FileObjectKind,
  type FileReference,
} from '@berth/cluster';
import { type CompileContext, report, resolveHostPath } from './context';
import { isExternal, objectName } from './names';
import { isPlainMap, mapOf, readLabels, readString } from './read';
import type { Path } from './tree';
import type { StackFileObject } from './types';
import { parseFileMode } from './units';

/** Secrets and configs: declared at top level, handed to services as files. */
export type { FileObjectKind };

const DEFAULT_MODE = 0o444;

/** The top-level `secrets:` or `configs:`, by key. */
export function compileFileObjects(
  ctx: CompileContext,
  kind: FileObjectKind,
  section: unknown,
): Map<string, StackFileObject> {
  return new Map(
    Object.entries(mapOf(section)).map(([key, declaration]) => [
      key,
      compileFileObject(ctx, kind, key, declaration, [kind, key]),
    ]),
  );
}

function compileFileObject(
  ctx: CompileContext,
  kind: FileObjectKind,
  key: string,
  declaration: unknown,
  path: Path,
): StackFileObject {
  const d = mapOf(declaration);
  const external = isExternal(d.external);
  const object = { name: objectName(ctx, key, declaration), key, external };
  const none = { file: '', environment: '', content: '', labels: {} };
  if (external) return { ...object, ...none };
  const file = readString(ctx, d.file, [...path, 'file']);
  const environment = readString(ctx, d.environment, [...path, 'environment']) ?? '';
  const content = kind === 'configs' ? (readString(ctx, d.content, [...path, 'content']) ?? '') : '';
  if (file === undefined && environment === '' && content === '' && d.content === undefined)
    report(
      ctx,
      path,
      `${FILE_OBJECT_WORD[kind]} '${key}' needs one of file, environment${kind === 'configs' ? ', content' : ''} or external`,
    );
  return {
    ...object,
    file: file === undefined ? '' : (resolveHostPath(ctx, file, [...path, 'file']) ?? ''),
    environment,
    content,
    labels: { ...readLabels(ctx, d.labels, [...path, 'labels']), [STACK_LABEL]: ctx.stackName },
  };
}

/**
 * A service's `secrets:` or `configs:`: `- name` or `- {source, target, uid, gid, mode}`, each
 * naming a declared one. A secret lands in /run/secrets/<target or key>, a config at
 * /<target or key>; owner 0:0, mode 0444 unless given.
 */
export function compileFileReferences(
  ctx: CompileContext,
  kind: FileObjectKind,
  value: unknown,
  path: Path,
  declared: ReadonlyMap<string, StackFileObject>,
): FileReference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => {
    const reference = compileFileReference(ctx, kind, item, [...path, i], declared);
    return reference ? [reference] : [];
  });
}

function compileFileReference(
  ctx: CompileContext,
  kind: FileObjectKind,
  item: unknown,
  path: Path,
  declared: ReadonlyMap<string, StackFileObject>,
): FileReference | undefined {
  const long = isPlainMap(item) ? item : undefined;
  const source = readString(ctx, long ? long.source : item, long ? [...path, 'source'] : path);
  if (source === undefined) {
    report(ctx, path, `missing key 'source': the ${FILE_OBJECT_WORD[kind]} to use`);
    return undefined;
  }
  const object = declared.get(source);
  if (!object) {
    report(ctx, path, `${FILE_OBJECT_WORD[kind]} '${source}' is not declared in the top-level ${kind}`);
    return undefined;
  }
  const target = readString(ctx, long?.target, [...path, 'target']) || source;
  const mode = long?.mode === undefined ? DEFAULT_MODE : parseFileMode(long.mode);
  if (mode === undefined)
    report(ctx, [...path, 'mode'], `expected a file mode such as 0440, got '${String(long?.mode)}'`);
  return {
    source: object.name,
    target: fileTarget(kind, target),
    uid: readString(ctx, long?.uid, [...path, 'uid']) ?? '0',
    gid: readString(ctx, long?.gid, [...path, 'gid']) ?? '0',
    mode: mode ?? DEFAULT_MODE,
  };
}
