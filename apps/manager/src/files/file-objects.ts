/**
 * Secrets and configs as pure decisions: what a valid one is, which ones a service or a task
 * uses, and which uses point at nothing. FilesService does the I/O around these.
 */
import {
  FILE_OBJECT_WORD,
  taskStateRank,
  type FileObjectKind,
  type ServiceSpec,
  type Task,
} from '@berth/cluster';

/** Swarm's limits: a secret up to 500 KiB, a config up to 1000 KiB. */
export const MAX_CONTENT_BYTES: Record<FileObjectKind, number> = {
  secrets: 500 * 1024,
  configs: 1000 * 1024,
};

/** Swarm's names: letters, digits, `_ . -` inside, at most 64 characters. */
const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9])?$/;

/** What is wrong with a new secret or config, or null. */
export function fileObjectProblem(kind: FileObjectKind, name: string, size: number): string | null {
  const what = FILE_OBJECT_WORD[kind];
  if (!NAME.test(name))
    return `invalid ${what} name "${name}": use letters, digits, '_', '.' and '-' (at most 64, starting and ending with a letter or digit)`;
  if (size === 0) return `${what} ${name} is empty: give it some content`;
  if (size > MAX_CONTENT_BYTES[kind])
    return `${what} ${name} is ${size} bytes; a ${what} holds at most ${MAX_CONTENT_BYTES[kind]}`;
  return null;
}

/** The names of the secrets (or configs) SPEC's tasks receive. */
export function referencedNames(spec: Pick<ServiceSpec, 'task'>, kind: FileObjectKind): string[] {
  const references = kind === 'secrets' ? spec.task.container.secrets : spec.task.container.configs;
  return [...new Set((references ?? []).map((r) => r.source))];
}

/**
 * A problem per secret or config SPEC uses that does not exist, or whose file settings a
 * container cannot take (owner and group are numeric ids).
 */
export function referenceProblems(
  spec: Pick<ServiceSpec, 'name' | 'task'>,
  exists: (kind: FileObjectKind, name: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const kind of ['secrets', 'configs'] as const) {
    const what = FILE_OBJECT_WORD[kind];
    for (const name of referencedNames(spec, kind))
      if (!exists(kind, name))
        problems.push(
          `service ${spec.name} uses ${what} ${name}, which does not exist: create it with berth ${what} create ${name} FILE`,
        );
    const references = kind === 'secrets' ? spec.task.container.secrets : spec.task.container.configs;
    for (const r of references ?? []) {
      if (!/^\d+$/.test(r.uid) || !/^\d+$/.test(r.gid))
        problems.push(
          `${what} ${r.source} of service ${spec.name}: uid and gid are numbers, not "${r.uid}:${r.gid}"`,
        );
      if (!Number.isInteger(r.mode) || r.mode < 0 || r.mode > 0o7777)
        problems.push(`${what} ${r.source} of service ${spec.name}: invalid file mode ${r.mode}`);
      if (!r.target.startsWith('/'))
        problems.push(
          `${what} ${r.source} of service ${spec.name}: target ${r.target} is not an absolute path`,
        );
    }
  }
  return problems;
}

/** The services (names) of SPECS that use the secret or config NAME: it cannot go while they do. */
export function usersOf(
  specs: readonly Pick<ServiceSpec, 'name' | 'task'>[],
  kind: FileObjectKind,
  name: string,
): string[] {
  return specs.filter((s) => referencedNames(s, kind).includes(name)).map((s) => s.name);
}

/** Each secret and config TASKS need to start, once: `${kind}/${name}`. Tasks on their way out need none. */
export function filesNeeded(tasks: readonly Task[]): { kind: FileObjectKind; name: string }[] {
  const seen = new Map<string, { kind: FileObjectKind; name: string }>();
  for (const task of tasks) {
    if (taskStateRank(task.desiredState) > taskStateRank('running')) continue;
    for (const kind of ['secrets', 'configs'] as const)
      for (const name of referencedNames({ task: task.spec }, kind))
        seen.set(`${kind}/${name}`, { kind, name });
  }
  return [...seen.values()];
}
