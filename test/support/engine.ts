/**
 * A real berthd for end-to-end tests: its own data and exec roots, socket,
 * bridge, subnets and cgroup parent, so it touches nothing another agent (or
 * the machine) uses; bin/berth pointed at it; and a cleanup that removes
 * everything it made even when a test failed.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeForwarding, removeMasquerade } from '@berth/network';
import { unixSocketAnswers } from '../../deploy/local-cluster/processes';
import { cgroupRoots, removeCgroupParent, sharedBusyboxRootfs } from './harness';
import { outlivesTest } from './processes';

/** The repository (this file runs from test/support, or compiled from dist/test/support). */
function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, 'bin/berthd'))) return dir;
  throw new Error(`no bin/berthd above ${__dirname}`);
}
const ROOT = repoRoot();
export const BERTH = path.join(ROOT, 'bin/berth');
export const BERTHD = path.join(ROOT, 'bin/berthd');

/** Builds dist/ once per run if it is missing (the suite's setup builds it on CI). */
export function ensureBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist/apps/agent/src/main.js')))
    execFileSync('npm', ['run', 'build:ts'], { cwd: ROOT, stdio: 'ignore' });
}

export interface BerthResult extends SpawnSyncReturns<string> {
  status: number;
}

export class EngineHarness {
  readonly tag = crypto.randomBytes(3).toString('hex');
  readonly tmp: string;
  readonly dataRoot: string;
  readonly execRoot: string;
  readonly socket: string;
  readonly bridge: string;
  readonly cgroupParent: string;
  readonly bridgeSubnet: string;
  readonly networkPool: string;
  readonly configDir: string;
  private agent: ChildProcess | null = null;
  private agentLog = '';

  constructor(readonly suite: string) {
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `berth-e2e-${suite}-`));
    this.dataRoot = path.join(this.tmp, 'data');
    this.execRoot = path.join(this.tmp, 'run');
    this.socket = path.join(this.execRoot, 'berth.sock');
    this.configDir = path.join(this.tmp, 'config');
    this.bridge = `bt${this.tag}`;
    this.cgroupParent = `berth-test-e2e-${this.tag}`;
    const n = crypto.randomInt(0, 250);
    this.bridgeSubnet = `10.99.${n}.0/24`;
    this.networkPool = `10.${100 + crypto.randomInt(0, 100)}.0.0/16`;
  }

  get host(): string {
    return `unix://${this.socket}`;
  }

  /** Starts berthd (again, after a kill: live restore) and waits until it serves. */
  async start(extraFlags: string[] = []): Promise<void> {
    ensureBuilt();
    const child = spawn(
      BERTHD,
      [
        '--data-root',
        this.dataRoot,
        '--exec-root',
        this.execRoot,
        '-H',
        this.host,
        '--bridge',
        this.bridge,
        '--bip',
        this.bridgeSubnet,
        '--network-pool',
        this.networkPool,
        '--cgroup-parent',
        this.cgroupParent,
        '--log-level',
        'warn',
        ...extraFlags,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.agent = outlivesTest(child); // the file's engine, whichever test (re)started it
    child.stdout!.on('data', (d: Buffer) => (this.agentLog += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.agentLog += d.toString()));
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`berthd exited with ${child.exitCode}:\n${this.agentLog}`);
      if (fs.existsSync(this.socket) && (await unixSocketAnswers(this.socket))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`berthd did not serve ${this.socket} within 20 s:\n${this.agentLog}`);
  }

  get pid(): number {
    return this.agent?.pid ?? -1;
  }

  get log(): string {
    return this.agentLog;
  }

  /** Ends the agent with SIGNAL and waits for it; containers stay (they outlive it). */
  async stopAgent(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.agent;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await gone;
    this.agent = null;
  }

  /** bin/berth against this agent. */
  berth(
    args: string[],
    options: { input?: string; timeoutMs?: number; env?: Record<string, string> } = {},
  ): BerthResult {
    const r = spawnSync(BERTH, args, {
      encoding: 'utf8',
      input: options.input,
      env: { ...process.env, BERTH_HOST: this.host, BERTH_CONFIG: this.configDir, ...options.env },
      timeout: options.timeoutMs ?? 60000,
    });
    return r as BerthResult;
  }

  /** bin/berth in the background (follows, streams, interactive sessions). */
  spawnBerth(args: string[]): ChildProcess {
    return spawn(BERTH, args, {
      env: { ...process.env, BERTH_HOST: this.host, BERTH_CONFIG: this.configDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  /** busybox:latest from the shared test rootfs, imported (no registry needed). */
  importBusybox(reference = 'busybox:latest'): void {
    const tar = path.join(this.tmp, 'busybox.tar');
    if (!fs.existsSync(tar)) execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', tar, '.']);
    const r = this.berth(['import', '-c', 'CMD ["sh"]', tar, reference]);
    if (r.status !== 0) throw new Error(`import busybox: ${r.stderr}`);
  }

  /** What this agent left on the machine: mounts under its roots, cgroups, veths on its bridges, its netns, its processes. */
  leftovers(): string[] {
    const found: string[] = [];
    for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n'))
      if (line.includes(this.tmp)) found.push(`mount: ${line.split(' ')[4]}`);
    for (const root of cgroupRoots()) {
      for (const parent of [this.cgroupParent, `${this.cgroupParent}-build`]) {
        const dir = path.join(root, parent);
        if (!fs.existsSync(dir)) continue;
        const children = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
        for (const c of children) found.push(`cgroup: ${path.join(dir, c.name)}`);
      }
    }
    for (const name of fs.readdirSync('/sys/class/net')) {
      const master = fs.existsSync(`/sys/class/net/${name}/master`)
        ? path.basename(fs.readlinkSync(`/sys/class/net/${name}/master`))
        : '';
      if (master === this.bridge || this.userBridges().includes(master))
        found.push(`veth: ${name} on ${master}`);
    }
    // CNI's per-container rules name the container's address; only the network's masquerade rule may stay
    const prefixes = [this.bridgeSubnet, this.networkPool].map((s) => s.replace(/0\.0\/16$|0\/24$/, ''));
    for (const line of (spawnSync('iptables-save', { encoding: 'utf8' }).stdout ?? '').split('\n'))
      if (prefixes.some((p) => line.includes(p)) && !line.includes('MASQUERADE'))
        found.push(`iptables: ${line}`);
    for (const ns of fs.existsSync('/run/netns') ? fs.readdirSync('/run/netns') : [])
      if (ns.startsWith('berth-') && this.containerIds().some((id) => ns === `berth-${id.slice(0, 12)}`))
        found.push(`netns: ${ns}`);
    for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        // the running agent's program spawner is its own; one left by an agent that died is not
        const agentsSpawner = parent === this.pid && cmd.includes('\0spawner\0');
        if (cmd.includes(this.tmp) && Number(pid) !== this.pid && !agentsSpawner)
          found.push(`process: ${pid} ${cmd.replace(/\0/g, ' ').trim()}`);
      } catch {
        // gone
      }
    }
    return found;
  }

  private containerIds(): string[] {
    const dir = path.join(this.dataRoot, 'containers');
    return fs.existsSync(dir) ? fs.readdirSync(dir) : this.seenContainers;
  }

  private seenContainers: string[] = [];

  private userBridges(): string[] {
    try {
      const networks = JSON.parse(
        fs.readFileSync(path.join(this.dataRoot, 'network/networks.json'), 'utf8'),
      ) as { bridge: string }[];
      return networks.map((n) => n.bridge);
    } catch {
      return [];
    }
  }

  /** Removes every container and network through the agent, stops it, then what is left of its own. */
  async cleanup(): Promise<void> {
    try {
      if (!this.agent) await this.start().catch(() => undefined);
      const ids = this.berth(['ps', '-aq', '--no-trunc']).stdout?.split('\n').filter(Boolean) ?? [];
      this.seenContainers = ids;
      if (ids.length) this.berth(['rm', '-f', '-v', ...ids]);
      const bridges = this.userBridges();
      const nets =
        this.berth(['network', 'ls', '--format', '{{.Name}}'])
          .stdout?.split('\n')
          .filter((n) => n && !['bridge', 'host', 'none'].includes(n)) ?? [];
      if (nets.length) this.berth(['network', 'rm', ...nets]);
      await this.stopAgent();
      await removeMasquerade(this.bridgeSubnet, this.bridge); // the default network's, which the agent keeps
      await removeForwarding(this.bridge);
      for (const b of [this.bridge, ...bridges])
        if (fs.existsSync(`/sys/class/net/${b}`)) spawnSync('ip', ['link', 'delete', b]);
    } finally {
      await this.stopAgent('SIGKILL');
      removeCgroupParent(this.cgroupParent);
      removeCgroupParent(`${this.cgroupParent}-build`);
      fs.rmSync(this.tmp, { recursive: true, force: true });
    }
  }
}
