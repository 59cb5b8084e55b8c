/**
 * One harness for real-container tests: a private state root and cgroup
 * parent per suite, the busybox image as an overlay lower layer (so tests may
 * write to their root), and a cleanup that removes every container, cgroup
 * and directory the suite made, and nothing else.
 */
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildSpec,
  openCgroupDriver,
  readJsonLog,
  Runtime,
  type ContainerOptions,
  type ExitInfo,
  type LogEntry,
  type OciSpec,
} from '@berth/runtime';
import { buildBusyboxRootfs } from './rootfs';

/** Shared by all suites of a run: built once, only ever used read-only (as an overlay lower dir). */
export function sharedBusyboxRootfs(): string {
  const stat = fs.statSync('/bin/busybox');
  const dir = path.join(os.tmpdir(), `berth-test-busybox-${stat.size}-${Math.floor(stat.mtimeMs)}`);
  if (fs.existsSync(path.join(dir, 'bin/busybox'))) return dir;
  const building = `${dir}.building-${process.pid}`;
  buildBusyboxRootfs(building);
  fs.renameSync(building, dir);
  return dir;
}

/** Where this machine's cgroup hierarchies are mounted (one for v2, one per controller set for v1). */
export function cgroupRoots(): string[] {
  const layout = openCgroupDriver().layout;
  if (layout.mode === 'v2') return [layout.mountPoint];
  return layout.mode === 'none' ? [] : layout.hierarchies.map((h) => h.mountPoint);
}

/** Remove the (empty) cgroup PARENT a test or benchmark made, in every hierarchy this machine has. */
export function removeCgroupParent(parent: string): void {
  for (const root of cgroupRoots()) {
    try {
      fs.rmdirSync(path.join(root, parent));
    } catch {
      // not made in this hierarchy
    }
  }
}

export interface RunResult {
  id: string;
  exit: ExitInfo;
  stdout: string;
  stderr: string;
  entries: LogEntry[];
}

export class RuntimeHarness {
  private counter = 0;

  private constructor(
    readonly runtime: Runtime,
    readonly image: string,
    readonly tmp: string,
    readonly cgroupParent: string,
  ) {}

  static open(suite: string): RuntimeHarness {
    const tag = `${suite}-${crypto.randomBytes(3).toString('hex')}`;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `berth-it-${suite}-`));
    const cgroupParent = `berth-test-${tag}`;
    const runtime = Runtime.open({ stateRoot: path.join(tmp, 'state'), cgroupParent });
    return new RuntimeHarness(runtime, sharedBusyboxRootfs(), tmp, cgroupParent);
  }

  nextId(prefix = 'c'): string {
    return `${prefix}-${++this.counter}`;
  }

  /** A spec over a fresh overlay (busybox below, a private upper dir) for container ID. */
  spec(id: string, options: Partial<ContainerOptions> = {}): OciSpec {
    return this.specOn([this.image], id, options);
  }

  /** A spec over a fresh overlay of LOWER_DIRS (topmost first) for container ID. */
  specOn(lowerDirs: string[], id: string, options: Partial<ContainerOptions> = {}): OciSpec {
    const dir = path.join(this.tmp, 'rootfs', id);
    for (const d of ['upper', 'work', 'merged']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    return buildSpec({
      args: ['true'],
      rootfs: {
        path: path.join(dir, 'merged'),
        overlay: { lowerDirs, upperDir: path.join(dir, 'upper'), workDir: path.join(dir, 'work') },
      },
      ...options,
    });
  }

  logOf(id: string): LogEntry[] {
    return readJsonLog(path.join(this.runtime.stateRoot, id, 'log.json'));
  }

  /** Run to completion and collect the output; the container is deleted afterwards. LOWER_DIRS default to busybox. */
  async run(
    options: Partial<ContainerOptions>,
    id = this.nextId(),
    lowerDirs = [this.image],
  ): Promise<RunResult> {
    const exit = await this.runtime.run(id, { bundle: this.tmp, spec: this.specOn(lowerDirs, id, options) });
    const entries = this.logOf(id);
    await this.runtime.delete(id, { force: true });
    const text = (stream: string) =>
      entries
        .filter((e) => e.stream === stream)
        .map((e) => e.log)
        .join('');
    return { id, exit, stdout: text('stdout'), stderr: text('stderr'), entries };
  }

  /** Start in the background; the caller stops it (or cleanup does). */
  async start(options: Partial<ContainerOptions>, id = this.nextId()): Promise<string> {
    await this.runtime.createAndStart(id, { bundle: this.tmp, spec: this.spec(id, options) });
    return id;
  }

  /**
   * A bundle in the suite's tmp dir with config.json exactly as `runc spec` writes it, pointed at
   * the busybox image (read-only, as runc spec has it), no terminal, running ARGS; EDIT changes
   * the config further before it is written.
   */
  runcBundle(name: string, args: string[], edit: (config: OciSpec) => void = () => undefined): string {
    const bundle = path.join(this.tmp, 'bundles', name);
    fs.mkdirSync(bundle, { recursive: true });
    execFileSync('runc', ['spec'], { cwd: bundle });
    const config = JSON.parse(fs.readFileSync(path.join(bundle, 'config.json'), 'utf8')) as OciSpec;
    config.root!.path = this.image;
    config.process!.terminal = false;
    config.process!.args = args;
    edit(config);
    fs.writeFileSync(path.join(bundle, 'config.json'), JSON.stringify(config, null, 2));
    return bundle;
  }

  /** Every cgroup directory this suite could have made, in every hierarchy. */
  cgroupDirs(): string[] {
    return cgroupRoots().map((r) => path.join(r, this.cgroupParent));
  }

  async cleanup(): Promise<void> {
    for (const c of this.runtime.list())
      await this.runtime.delete(c.id, { force: true }).catch(() => undefined);
    removeCgroupParent(this.cgroupParent);
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}
