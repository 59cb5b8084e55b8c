/**
 * A Debian 12 machine with systemd as its PID 1, for testing Berth installed as system services
 * on a host whose own PID 1 is not systemd: a debootstrapped root (cached, made once) booted with
 * `systemd-nspawn -b` on an overlay of that root, so each test starts from a clean machine and a
 * "reboot" (power off, boot again) keeps what the machine wrote. It has its own network (only
 * loopback and what Berth makes in it), shares the host's cgroup hierarchies, and everything it
 * starts ends with it.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { outlivesTest } from './processes';
import { until } from './until';

/** Where debootstrapped roots are kept between runs (a debootstrap takes a minute or two). */
export const MACHINE_CACHE = process.env.BERTH_TEST_MACHINE_CACHE ?? '/var/cache/berth-test';

/** The words of a bash array NAME=(…) in SCRIPT. */
export function bashArray(script: string, name: string): string[] {
  const m = new RegExp(`^${name}=\\(([^)]*)\\)`, 'm').exec(script);
  if (!m) throw new Error(`no ${name}=(…) in the script`);
  return m[1].split(/\s+/).filter(Boolean);
}

/**
 * A Debian 12 root with systemd and PACKAGES, made by debootstrap once and kept in the cache
 * under a name that changes with the list. Returns its path.
 */
export function debianRoot(packages: readonly string[]): string {
  const include = ['systemd', 'systemd-sysv', 'dbus', ...packages].sort();
  const digest = crypto.createHash('sha256').update(include.join(',')).digest('hex').slice(0, 12);
  const root = path.join(MACHINE_CACHE, `bookworm-${digest}`);
  if (fs.existsSync(path.join(root, 'lib/systemd/systemd'))) return root;
  fs.mkdirSync(MACHINE_CACHE, { recursive: true });
  const partial = `${root}.partial-${process.pid}`;
  try {
    const r = spawnSync(
      'debootstrap',
      [
        '--variant=minbase',
        `--include=${include.join(',')}`,
        'bookworm',
        partial,
        'http://deb.debian.org/debian',
      ],
      { encoding: 'utf8', timeout: 15 * 60_000 },
    );
    if (r.status !== 0)
      throw new Error(
        `debootstrap of a Debian 12 root into ${partial} failed (${r.status ?? r.signal}):\n${r.stdout.slice(-2000)}${r.stderr.slice(-2000)}`,
      );
    // a fixed machine id: journald and systemd want one, and the overlay keeps it across boots
    fs.writeFileSync(path.join(partial, 'etc/machine-id'), `${crypto.randomBytes(16).toString('hex')}\n`);
    fs.renameSync(partial, root);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return root;
}

export interface MachineOptions {
  /** Host path → machine path, read-only. */
  readOnly: Record<string, string>;
  /** Host dir → machine dir, read-write (the data root must not be on the overlay: Berth stacks overlays in it). */
  binds: Record<string, string>;
}

export interface ExecResult extends SpawnSyncReturns<string> {
  status: number;
}

export class SystemdMachine {
  readonly tag = crypto.randomBytes(3).toString('hex');
  readonly name = `berth-test-${this.tag}`;
  readonly tmp: string;
  readonly root: string;
  private readonly upper: string;
  private readonly work: string;
  private nspawn: ChildProcess | null = null;
  private log = '';
  /** The machine's systemd, as the host sees its pid. */
  private init = -1;

  constructor(
    private readonly base: string,
    private readonly options: MachineOptions,
  ) {
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-systemd-'));
    this.root = path.join(this.tmp, 'root');
    this.upper = path.join(this.tmp, 'upper');
    this.work = path.join(this.tmp, 'work');
    for (const dir of [this.root, this.upper, this.work]) fs.mkdirSync(dir);
  }

  /** Boots the machine (again after a power off) and waits until systemd has finished starting it. */
  async boot(): Promise<void> {
    if (!this.mounted())
      execFileSync('mount', [
        '-t',
        'overlay',
        'overlay',
        '-o',
        `lowerdir=${this.base},upperdir=${this.upper},workdir=${this.work}`,
        this.root,
      ]);
    this.writeCgroupUnit();
    const args = [
      '-D',
      this.root,
      `--machine=${this.name}`,
      // the host's PID 1 is not systemd: nothing to register with, no scope to ask for
      '--register=no',
      '--keep-unit',
      '--private-network',
      '--capability=all',
      ...Object.entries(this.options.readOnly).map(([from, to]) => `--bind-ro=${from}:${to}`),
      ...Object.entries(this.options.binds).map(([from, to]) => `--bind=${from}:${to}`),
      '-b',
    ];
    this.log = '';
    const child = spawn('systemd-nspawn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.nspawn = outlivesTest(child);
    child.stdout!.on('data', (d: Buffer) => (this.log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.log += d.toString()));
    this.init = await until(
      `systemd in machine ${this.name} to start`,
      () => {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(
            `systemd-nspawn exited (${child.exitCode ?? child.signalCode}):\n${this.log.slice(-3000)}`,
          );
        return this.findInit(child.pid!);
      },
      (pid) => pid > 0,
      30_000,
    );
    const state = await until(
      `systemd in machine ${this.name} to finish booting`,
      () => this.execInside(['systemctl', 'is-system-running']).stdout.trim(),
      (s) => s === 'running' || s === 'degraded',
      60_000,
      250,
    );
    if (state === 'degraded')
      throw new Error(
        `machine ${this.name} booted degraded: ${this.execInside(['systemctl', '--failed']).stdout}`,
      );
  }

  /**
   * systemd-nspawn mounts the cgroup v1 controllers read-only for what runs in the machine (its
   * legacy-hierarchy default: only the name=systemd tree is writable). On a real machine systemd
   * leaves them writable to root, as berthd needs from its first start at boot: a unit of the
   * machine makes them so before anything else starts.
   */
  private writeCgroupUnit(): void {
    const units = path.join(this.root, 'etc/systemd/system');
    const name = 'berth-test-cgroups-writable.service';
    fs.mkdirSync(path.join(units, 'sysinit.target.wants'), { recursive: true });
    fs.writeFileSync(
      path.join(units, name),
      [
        '[Unit]',
        'Description=cgroup v1 controllers writable, as on a machine systemd booted (the test machine)',
        'DefaultDependencies=no',
        'Before=sysinit.target berthd.service',
        '[Service]',
        'Type=oneshot',
        'RemainAfterExit=yes',
        `ExecStart=/bin/sh -c 'for d in /sys/fs/cgroup/*/; do case "$$d" in */systemd/|*/unified/) ;; *) mount -o remount,bind,rw "$$d" ;; esac; done'`,
        '[Install]',
        'WantedBy=sysinit.target',
        '',
      ].join('\n'),
    );
    const link = path.join(units, 'sysinit.target.wants', name);
    if (!fs.existsSync(link)) fs.symlinkSync(`../${name}`, link);
  }

  private mounted(): boolean {
    return fs
      .readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .some((l) => l.split(' ')[4] === this.root);
  }

  /** The first process named systemd below PID (nspawn forks twice before it runs the machine's init). */
  private findInit(pid: number): number {
    const children = (p: number): number[] => {
      try {
        return fs
          .readdirSync(`/proc/${p}/task`)
          .flatMap((t) =>
            fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
          );
      } catch {
        return [];
      }
    };
    const queue = children(pid);
    while (queue.length) {
      const p = queue.shift()!;
      try {
        if (fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'systemd') return p;
      } catch {
        continue;
      }
      queue.push(...children(p));
    }
    return -1;
  }

  /** ARGV run inside the machine (all its namespaces, its root), as root. */
  execInside(argv: string[], options: { timeoutMs?: number; input?: string } = {}): ExecResult {
    if (this.init < 0) throw new Error(`machine ${this.name} is not running`);
    return spawnSync('nsenter', ['-t', String(this.init), '-a', ...argv], {
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 60_000,
      input: options.input,
      env: {
        PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        HOME: '/root',
        LANG: 'C.UTF-8',
      },
    }) as ExecResult;
  }

  /** Like exec, and fails with the command's output unless it exits 0; its stdout. */
  runInside(argv: string[], options: { timeoutMs?: number; input?: string } = {}): string {
    const r = this.execInside(argv, options);
    if (r.status !== 0)
      throw new Error(
        `in machine ${this.name}: ${argv.join(' ')} exited ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}`,
      );
    return r.stdout;
  }

  /**
   * Powers the machine off as `poweroff` does (systemd stops every unit, then signals what is left)
   * and waits; after TIMEOUT_MS kills the machine's init, which ends every process of the machine.
   */
  async powerOff(timeoutMs = 60_000): Promise<void> {
    const child = this.nspawn;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    const init = this.init;
    // SIGTERM to systemd-nspawn asks the machine's systemd for a clean power off
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      // the init of the machine's PID namespace (systemd, or systemd-shutdown by then): killing
      // it kills every process in the machine; killing nspawn alone would leave them running
      try {
        if (init > 0) process.kill(init, 'SIGKILL');
      } catch {
        // already gone
      }
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, timeoutMs);
    await gone;
    clearTimeout(timer);
    this.nspawn = null;
    this.init = -1;
  }

  get output(): string {
    return this.log;
  }

  /** Powers off (if running) and removes the machine's overlay and files. */
  async remove(): Promise<void> {
    await this.powerOff(10_000);
    if (this.mounted()) spawnSync('umount', [this.root]);
    if (!this.mounted()) fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

/**
 * Removes the cgroup dirs named NAME the machine's engine made — in the host's hierarchies, as
 * the machine shares them: at the top of most, and below this process's own cgroup in those
 * systemd-nspawn roots there (memory, here) — and those below them. A dir is busy until its
 * processes, killed with the machine, are gone: tried again for up to TIMEOUT_MS. Returns what is
 * left.
 */
export async function removeMachineCgroups(
  roots: readonly string[],
  name: string,
  timeoutMs = 15_000,
): Promise<string[]> {
  const find = (dir: string, depth: number): string[] => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries
      .filter((e) => e.isDirectory())
      .flatMap((e) =>
        e.name === name ? [path.join(dir, e.name)] : depth > 0 ? find(path.join(dir, e.name), depth - 1) : [],
      );
  };
  const removeTree = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) removeTree(path.join(dir, entry.name));
    fs.rmdirSync(dir);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = roots.flatMap((root) => find(root, 3));
    for (const dir of left) {
      try {
        removeTree(dir);
      } catch {
        // busy: its processes are still dying
      }
    }
    const still = roots.flatMap((root) => find(root, 3));
    if (!still.length || Date.now() > deadline) return still;
    await new Promise((r) => setTimeout(r, 250));
  }
}
