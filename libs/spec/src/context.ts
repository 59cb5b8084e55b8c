import { posix } from 'node:path';
import type { Origin, Problem } from './errors';
import type { Lookup } from './interpolate';
import { formatPath, type Path } from './tree';

/**
 * What compiling a validated document needs besides the document: the stack's name, variables,
 * where each path was written, and the lists problems and warnings are added to. The compile
 * functions are pure apart from appending to these lists (and `readFile`, given by the caller).
 */
export interface CompileContext {
  stackName: string;
  /** process environment first, then `.env` */
  lookup: Lookup;
  readFile?: (path: string) => string;
  locate: (path: Path) => Origin;
  problems: Problem[];
  warnings: string[];
  /** paths the schema already refused: nothing more is said at or under them */
  refused: readonly Path[];
}

/** Records a problem at PATH (shown as DISPLAY when given, e.g. a network's name for a list item). */
export function report(ctx: CompileContext, path: Path, message: string, display?: Path): void {
  if (ctx.refused.some((r) => r.length <= path.length && r.every((s, i) => s === path[i]))) return;
  ctx.problems.push({ ...ctx.locate(path), path: formatPath(display ?? path), message });
}

export function warn(ctx: CompileContext, message: string): void {
  if (!ctx.warnings.includes(message)) ctx.warnings.push(message);
}

/** `${stack}_${key}`: how a stack keeps its services, networks, secrets and configs apart. */
export function scoped(ctx: CompileContext, key: string): string {
  return `${ctx.stackName}_${key}`;
}

/**
 * A host path as the file at PATH wrote it, made usable: `~` is the caller's HOME, a relative
 * path is taken from the directory of the file that wrote it. Undefined (after a problem) when
 * `~` is used without HOME.
 */
export function resolveHostPath(ctx: CompileContext, text: string, path: Path): string | undefined {
  if (text === '~' || text.startsWith('~/')) {
    const home = ctx.lookup('HOME');
    if (!home) {
      report(ctx, path, `cannot expand '~' in '${text}': HOME is not set`);
      return undefined;
    }
    return posix.join(home, text.slice(1));
  }
  if (posix.isAbsolute(text)) return posix.normalize(text);
  const dir = posix.dirname(ctx.locate(path).file);
  const joined = posix.join(dir, text);
  return posix.isAbsolute(joined) || joined.startsWith('..')
    ? joined
    : `./${joined}`.replace(/^\.\/\.$/, '.');
}
