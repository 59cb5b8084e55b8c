/**
 * A task's secrets and configs as files (DESIGN.md decision 7): written on a tmpfs of this
 * machine, never its disk, one directory per task, and bind-mounted read-only into the container
 * at each reference's target (/run/secrets/<name> for a secret unless told). What to write is
 * decided by `taskFilePlan`; `TaskFiles` only writes it and takes it away.
 */
import { runChecked, runDirect } from '@berth/process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FILE_OBJECT_WORD, type FileObjectKind, type FileReference, type Task } from '@berth/cluster';
import type { MountRequest } from '../containers/request';

/** One file of a task: which secret or config, where on the host, where in the container, and how. */
export interface TaskFile {
  kind: FileObjectKind;
  name: string;
  hostPath: string;
  target: string;
  uid: number;
  gid: number;
  mode: number;
}

/** A file's bind mount into the task's container (its source exists: written before). */
export interface BindMount extends MountRequest {
  type: 'bind';
  readOnly: true;
  createHostPath: false;
}

export const contentKey = (kind: FileObjectKind, name: string) => `${kind}/${name}`;

/** The files TASK needs, each in DIR under its position (two references may share a name). */
export function taskFilePlan(task: Task, dir: string): TaskFile[] {
  const c = task.spec.container;
  const of = (kind: FileObjectKind, references: FileReference[] | undefined) =>
    (references ?? []).map((r, i): TaskFile => ({
      kind,
      name: r.source,
      hostPath: path.join(dir, `${kind}-${i}`),
      target: r.target,
      uid: Number(r.uid),
      gid: Number(r.gid),
      mode: r.mode,
    }));
  return [...of('secrets', c.secrets), ...of('configs', c.configs)];
}

/**
 * CONTENTS without what none of TASKS uses: a machine keeps in memory only the secrets and
 * configs of its own current tasks. Pure: a new map.
 */
export function contentsUsed(
  contents: ReadonlyMap<string, Buffer>,
  tasks: readonly Task[],
): Map<string, Buffer> {
  const used = new Set(tasks.flatMap((t) => taskFilePlan(t, '').map((f) => contentKey(f.kind, f.name))));
  return new Map([...contents].filter(([key]) => used.has(key)));
}

/** What is missing from CONTENTS for PLAN, as the task's error says it. */
export function missingContent(
  plan: readonly TaskFile[],
  contents: ReadonlyMap<string, Buffer>,
): string | null {
  const missing = plan.filter((f) => !contents.has(contentKey(f.kind, f.name)));
  if (!missing.length) return null;
  return `not delivered to this machine: ${missing.map((f) => `${FILE_OBJECT_WORD[f.kind]} ${f.name}`).join(', ')} (removed, or the manager cannot open it)`;
}

export function bindMounts(plan: readonly TaskFile[]): BindMount[] {
  return plan.map((f) => ({
    type: 'bind',
    source: f.hostPath,
    target: f.target,
    readOnly: true,
    options: [],
    createHostPath: false,
  }));
}

/** What an assignment message carries for one secret or config. */
export interface DeliveredFile {
  kind: string;
  name: string;
  data: Uint8Array;
}

/** FILES from the manager → content by `${kind}/${name}`. */
export function contentsOf(files: readonly DeliveredFile[]): Map<string, Buffer> {
  return new Map(files.map((f) => [contentKey(f.kind as FileObjectKind, f.name), Buffer.from(f.data)]));
}

/** The tmpfs of task files under the agent's exec root (mounted on first use, kept for the machine's life). */
export class TaskFiles {
  private mounted: Promise<void> | null = null;

  constructor(readonly root: string) {}

  /** Writes TASK's files from CONTENTS; the bind mounts that put them in its container. */
  async prepare(task: Task, contents: ReadonlyMap<string, Buffer>): Promise<BindMount[]> {
    const plan = taskFilePlan(task, this.dirOf(task.id));
    if (!plan.length) return [];
    const missing = missingContent(plan, contents);
    if (missing) throw new Error(missing);
    await this.ensureTmpfs();
    fs.rmSync(this.dirOf(task.id), { recursive: true, force: true });
    fs.mkdirSync(this.dirOf(task.id), { mode: 0o700 });
    for (const f of plan) {
      fs.writeFileSync(f.hostPath, contents.get(contentKey(f.kind, f.name))!, { mode: 0o600 });
      fs.chownSync(f.hostPath, f.uid, f.gid);
      fs.chmodSync(f.hostPath, f.mode);
    }
    return bindMounts(plan);
  }

  /** The task's files go with its container. */
  release(taskId: string): void {
    fs.rmSync(this.dirOf(taskId), { recursive: true, force: true });
  }

  private dirOf(taskId: string): string {
    if (!/^[a-zA-Z0-9]+$/.test(taskId)) throw new Error(`invalid task id "${taskId}"`);
    return path.join(this.root, taskId);
  }

  private ensureTmpfs(): Promise<void> {
    this.mounted ??= (async () => {
      fs.mkdirSync(this.root, { recursive: true, mode: 0o700 });
      if (isTmpfsMount(this.root)) return;
      // no size given: tmpfs takes at most half the memory, and only what the files use
      await runChecked(runDirect, [
        'mount',
        '-t',
        'tmpfs',
        '-o',
        'mode=0700,nosuid,nodev,noexec',
        'tmpfs',
        this.root,
      ]);
    })().catch((error: Error) => {
      this.mounted = null;
      throw new Error(`cannot mount a tmpfs for secrets at ${this.root}: ${error.message}`);
    });
    return this.mounted;
  }
}

/** DIR is itself a tmpfs mount point (/proc/self/mountinfo: field 5 the point, after " - " the type). */
export function isTmpfsMount(
  dir: string,
  mountinfo = fs.readFileSync('/proc/self/mountinfo', 'utf8'),
): boolean {
  return mountinfo.split('\n').some((line) => {
    const [left, right] = line.split(' - ');
    const point = (left ?? '')
      .split(' ')[4]
      ?.replace(/\\(\d{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
    return point === dir && (right ?? '').startsWith('tmpfs ');
  });
}
