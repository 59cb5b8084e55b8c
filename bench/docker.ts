/**
 * Debian's dockerd for benchmarks: started with roots of its own under a scratch directory,
 * stopped by the process we started, with what it changes on the host (iptables, links,
 * ip_forward) put back afterwards.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Debian's docker CLI (a newer one in /usr/local/bin may shadow it on PATH). */
export const DOCKER = fs.existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
/** Whether COMMAND is on PATH. */
export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** What dockerd changes on the host, to put back afterwards. */
export interface HostNetState {
  iptables: string;
  ipForward: string;
  links: Set<string>;
}

export function snapshotHostNet(): HostNetState {
  const save = spawnSync('iptables-save', { encoding: 'utf8' });
  return {
    iptables: save.status === 0 ? save.stdout : '',
    ipForward: fs.readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim(),
    links: new Set(fs.readdirSync('/sys/class/net')),
  };
}

export function restoreHostNet(before: HostNetState): void {
  for (const link of fs.readdirSync('/sys/class/net'))
    if (!before.links.has(link)) spawnSync('ip', ['link', 'delete', link]);
  if (before.iptables) spawnSync('iptables-restore', { input: before.iptables });
  fs.writeFileSync('/proc/sys/net/ipv4/ip_forward', before.ipForward);
}

export class Dockerd {
  private child: ChildProcess | null = null;
  readonly env: NodeJS.ProcessEnv;

  constructor(readonly dir: string) {
    this.env = { ...process.env, DOCKER_HOST: `unix://${dir}/docker.sock` };
  }

  async start(): Promise<void> {
    fs.mkdirSync(path.join(this.dir, 'data'), { recursive: true });
    const log = fs.openSync(path.join(this.dir, 'dockerd.log'), 'a');
    this.child = spawn(
      'dockerd',
      [
        '--host',
        `unix://${this.dir}/docker.sock`,
        '--data-root',
        path.join(this.dir, 'data'),
        '--exec-root',
        path.join(this.dir, 'exec'),
        '--pidfile',
        path.join(this.dir, 'dockerd.pid'),
        '--storage-driver',
        'overlay2',
        '--log-level',
        'warn',
      ],
      { stdio: ['ignore', log, log], detached: true },
    );
    for (let i = 0; i < 600; i++) {
      if (this.child.exitCode !== null) break;
      if (spawnSync(DOCKER, ['version'], { env: this.env, stdio: 'ignore' }).status === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`dockerd did not start; see ${this.dir}/dockerd.log`);
  }

  docker(args: string[], input?: Buffer): string {
    return execFileSync(DOCKER, args, { env: this.env, input, encoding: 'utf8' });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    try {
      const ids = this.docker(['ps', '-aq']).split('\n').filter(Boolean);
      if (ids.length) this.docker(['rm', '-f', ...ids]);
    } catch {
      // it is going away anyway
    }
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
    await gone;
    clearTimeout(timer);
    // what dockerd may leave mounted under its roots
    const mounts = fs
      .readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[1])
      .filter((m) => m?.startsWith(this.dir))
      .sort()
      .reverse();
    for (const m of mounts) spawnSync('umount', ['-l', m]);
    for (const h of fs.readdirSync('/sys/fs/cgroup'))
      spawnSync('sh', [
        '-c',
        `[ -d /sys/fs/cgroup/${h}/docker ] && find /sys/fs/cgroup/${h}/docker -depth -type d -exec rmdir {} \\; ; true`,
      ]);
  }
}
