/**
 * The runtime's own logic, against a fake shim and a fake cgroup driver: what it
 * refuses, and what it cleans up when the shim reports a failure. The real shim
 * and cgroups are exercised by test/runtime/*.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CgroupDriver, CgroupPlan, CgroupStats } from './cgroups/driver';
import { ContainerExistsError, ContainerStartError, HostError, InvalidSpecError } from './errors';
import { buildSpec } from './oci/container-spec';
import { Runtime } from './runtime';
import type { ShimEvent } from './shim/protocol';
import type { ShimHandle, ShimLauncher, ShimStdio } from './shim/launcher';

class FakeCgroups implements CgroupDriver {
  readonly version = 1 as const;
  readonly layout = {
    mode: 'v1' as const,
    hierarchies: [{ mountPoint: '/fake/memory', controllers: ['memory'] }],
  };
  readonly made = new Set<string>();
  refuse: Error | null = null;
  plan(p: string): CgroupPlan {
    return { dirs: [`/fake/memory/${p}`], writes: [] };
  }
  create(p: string): void {
    if (this.refuse) throw this.refuse;
    this.made.add(p);
  }
  procsFiles(p: string): string[] {
    return [`/fake/memory/${p}/cgroup.procs`];
  }
  processes(): number[] {
    return [];
  }
  exists(p: string): boolean {
    return this.made.has(p);
  }
  async freeze(): Promise<void> {}
  async thaw(): Promise<void> {}
  isFrozen(): boolean {
    return false;
  }
  stats(): CgroupStats {
    return {
      cpuUsageNs: 0,
      memoryUsageBytes: 0,
      memoryLimitBytes: null,
      memoryCacheBytes: 0,
      pidsCurrent: 0,
      pidsLimit: null,
    };
  }
  oomKillCount(): number {
    return 0;
  }
  async destroy(p: string): Promise<void> {
    this.made.delete(p);
  }
}

/** Plays back EVENTS as the shim would report them, then exits with CODE. */
class ScriptedShim implements ShimLauncher {
  launched: { mode: string; file: string; stdio: ShimStdio }[] = [];
  constructor(
    private readonly events: ShimEvent[],
    private readonly code = 1,
  ) {}
  async launch(mode: 'create' | 'exec', file: string, stdio: ShimStdio): Promise<ShimHandle> {
    this.launched.push({ mode, file, stdio });
    const queue = [...this.events];
    return {
      pid: 999999,
      stdout: null,
      stderr: null,
      stdin: null,
      control: null,
      exit: Promise.resolve(this.code),
      next: (kind) => {
        const i = queue.findIndex((e) => kind === 'any' || e.kind === kind || e.kind === 'error');
        return i >= 0
          ? Promise.resolve(queue.splice(i, 1)[0])
          : Promise.reject(new HostError('berth-shim ended without reporting'));
      },
      ref: () => undefined,
      unref: () => undefined,
    };
  }
}

describe(Runtime.name, () => {
  let root: string;
  let rootfs: string;
  let cgroups: FakeCgroups;
  const spec = () => buildSpec({ args: ['true'], rootfs: { path: rootfs } });
  const open = (shim: ShimLauncher) => Runtime.open({ stateRoot: path.join(root, 'state'), cgroups, shim });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-runtime-spec-'));
    rootfs = path.join(root, 'rootfs');
    fs.mkdirSync(rootfs);
    cgroups = new FakeCgroups();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('create', () => {
    it('should undo everything when the shim reports an error', async () => {
      const shim = new ScriptedShim([
        { kind: 'error', exitCode: 127, message: 'exec: "x": executable file not found in $PATH' },
      ]);
      const runtime = open(shim);
      const error = await runtime
        .createAndStart('c1', { bundle: root, spec: spec() })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContainerStartError);
      expect(error).toMatchObject({
        exitCode: 127,
        message: 'container "c1": exec: "x": executable file not found in $PATH',
      });
      expect(shim.launched).toHaveLength(1);
      expect(cgroups.made.size).toBe(0);
      expect(fs.readdirSync(path.join(root, 'state'))).toEqual([]);
    });

    it('should undo everything when the shim ends without a word', async () => {
      const runtime = open(new ScriptedShim([]));
      await expect(runtime.createAndStart('c1', { bundle: root, spec: spec() })).rejects.toThrow(HostError);
      expect(cgroups.made.size).toBe(0);
      expect(fs.readdirSync(path.join(root, 'state'))).toEqual([]);
    });

    it('should not launch anything for an invalid spec', async () => {
      const shim = new ScriptedShim([]);
      const bad = spec();
      bad.process!.args = [];
      await expect(open(shim).createAndStart('c1', { bundle: root, spec: bad })).rejects.toThrow(
        InvalidSpecError,
      );
      expect(shim.launched).toEqual([]);
      expect(cgroups.made.size).toBe(0);
      expect(fs.readdirSync(path.join(root, 'state'))).toEqual([]);
    });

    it('should remove the state dir when the cgroup cannot be made', async () => {
      cgroups.refuse = new InvalidSpecError([
        { path: 'linux.resources.cpu.cpus', message: 'the kernel refused' },
      ]);
      const shim = new ScriptedShim([]);
      await expect(open(shim).createAndStart('c1', { bundle: root, spec: spec() })).rejects.toThrow(
        'the kernel refused',
      );
      expect(shim.launched).toEqual([]);
      expect(fs.readdirSync(path.join(root, 'state'))).toEqual([]);
    });

    it('should hand the shim its instructions, logging to the state dir unless told to inherit', async () => {
      const shim = new ScriptedShim([{ kind: 'error', exitCode: 1, message: 'stop here' }]);
      const runtime = open(shim);
      await runtime.create('c1', { bundle: root, spec: spec() }).catch(() => undefined);
      await runtime.create('c2', { bundle: root, spec: spec(), log: 'inherit' }).catch(() => undefined);
      expect(shim.launched.map((l) => [l.mode, path.basename(l.file), l.stdio])).toEqual([
        ['create', 'instructions', 'log'],
        ['create', 'instructions', 'inherit'],
      ]);
    });

    it('should refuse an id that is taken, without touching its state', async () => {
      fs.mkdirSync(path.join(root, 'state', 'taken'), { recursive: true });
      fs.writeFileSync(path.join(root, 'state', 'taken', 'state.json.1'), '{}');
      const shim = new ScriptedShim([]);
      await expect(open(shim).createAndStart('taken', { bundle: root, spec: spec() })).rejects.toThrow(
        ContainerExistsError,
      );
      expect(fs.readFileSync(path.join(root, 'state', 'taken', 'state.json.1'), 'utf8')).toBe('{}');
      expect(shim.launched).toEqual([]);
    });
  });
});
