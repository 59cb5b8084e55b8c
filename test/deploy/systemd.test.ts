/**
 * Berth installed as system services (issue 20), on a Debian 12 machine whose PID 1 is systemd:
 * scripts/install.sh puts it there, systemd starts berthd, and containers outlive the engine as
 * they outlive dockerd — a kill -9 (systemd starts berthd again), a `systemctl stop berthd`, and a
 * reboot after which berthd is back and a `--restart always` container runs again, as dockerd
 * restarts one at boot.
 *
 * This host's PID 1 is not systemd, so the machine is a debootstrapped Debian root booted with
 * systemd-nspawn (test/support/systemd-machine.ts); the first run makes the root (a minute or
 * two of debootstrap, from apt's Debian mirror) and later runs reuse it from /var/cache/berth-test.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cgroupRoots, sharedBusyboxRootfs, until } from '@berth/testing';
import { bashArray, debianRoot, removeMachineCgroups, SystemdMachine } from '../support/systemd-machine';

const ROOT = path.resolve(__dirname, '../..');

/** Why this machine cannot boot a systemd machine, or undefined when it can. */
function cannotRunSystemd(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: systemd-nspawn needs root';
  if (!fs.existsSync('/sys/fs/cgroup/systemd') && !fs.existsSync('/sys/fs/cgroup/cgroup.controllers'))
    return 'no name=systemd cgroup hierarchy and no cgroup v2: systemd cannot run as a machine init here';
  return undefined;
}
const skipReason = cannotRunSystemd();
if (skipReason) console.warn(`test/deploy/systemd.test.ts skipped: ${skipReason}`);
const describeWithSystemd = skipReason ? describe.skip : describe;

jest.setTimeout(10 * 60_000);

describeWithSystemd('Berth installed as system services (scripts/install.sh, deploy/systemd)', () => {
  let machine: SystemdMachine;
  let exchange: string;
  let dataRoot: string;
  const started = Date.now();
  const lap = (what: string) => console.log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const cgroupParent = () => `berth-systemd-${machine.tag}`;
  const berth = (args: string[]) => machine.runInside(['berth', ...args]);
  const state = (name: string) => {
    const [status, pid, startedAt, id] = berth([
      'inspect',
      '-f',
      '{{.State.Status}} {{.State.Pid}} {{.State.StartedAt}} {{.Id}}',
      name,
    ])
      .trim()
      .split(' ');
    return { status, pid: Number(pid), startedAt, id };
  };
  const unit = (property: string) =>
    machine.runInside(['systemctl', 'show', '-p', property, '--value', 'berthd']).trim();
  const engineServes = () => machine.execInside(['berth', 'version']).status === 0;
  const alive = (pid: number) => machine.execInside(['kill', '-0', String(pid)]).status === 0;

  beforeAll(async () => {
    const lists = fs.readFileSync(path.join(ROOT, 'scripts/setup.sh'), 'utf8');
    // the engine's packages already in the root, so install.sh finds them and needs no network
    // one root for this test and manager-systemd.test.ts
    const base = debianRoot([...bashArray(lists, 'BERTH_PACKAGES'), ...bashArray(lists, 'MANAGER_PACKAGES')]);
    lap('Debian root ready');
    const node = fs.realpathSync(process.execPath);
    const npm = path.resolve(path.dirname(node), '../lib/node_modules/npm');
    const modules = fs.realpathSync(path.join(ROOT, 'node_modules'));
    const readOnly: Record<string, string> = {
      [ROOT]: ROOT,
      [node]: '/usr/local/bin/node',
      [npm]: '/usr/local/lib/node_modules/npm',
    };
    if (modules !== path.join(ROOT, 'node_modules')) readOnly[modules] = modules;
    const scratch = fs.mkdtempSync('/var/tmp/berth-systemd-test-');
    exchange = path.join(scratch, 'exchange');
    dataRoot = path.join(scratch, 'data');
    fs.mkdirSync(exchange);
    fs.mkdirSync(dataRoot);
    spawnSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', path.join(exchange, 'busybox.tar'), '.']);
    machine = new SystemdMachine(base, {
      readOnly,
      // the data root on the host's disk: Berth stacks overlays in it, which an overlay root cannot hold
      binds: { [exchange]: '/mnt/berth-test', [dataRoot]: '/var/lib/berth' },
    });
    await machine.boot();
    lap('machine booted');
  });

  afterAll(async () => {
    if (!machine) return;
    await machine.remove();
    // the machine shares the host's cgroup hierarchies: its containers' cgroups stay behind
    const left = await removeMachineCgroups(cgroupRoots(), cgroupParent());
    fs.rmSync(path.dirname(exchange), { recursive: true, force: true });
    if (left.length)
      throw new Error(`cgroups the machine left and that could not be removed: ${left.join(' ')}`);
    lap('machine removed');
  });

  it('should install Berth with its units enabled and not started, and again without touching the settings', () => {
    const install = machine.execInside(['bash', path.join(ROOT, 'scripts/install.sh')], {
      timeoutMs: 180_000,
    });
    expect([install.status, install.stderr]).toEqual([0, expect.stringContaining('berthd.service enabled')]);
    lap('installed');
    for (const program of ['berth', 'berthd', 'berth-manager', 'berth-runtime'])
      expect(machine.runInside(['readlink', `/usr/local/bin/${program}`]).trim()).toBe(
        `/opt/berth/bin/${program}`,
      );
    expect(machine.execInside(['systemctl', 'is-enabled', 'berthd']).stdout.trim()).toBe('enabled');
    expect(machine.execInside(['systemctl', 'is-active', 'berthd']).stdout.trim()).toBe('inactive');
    expect(machine.execInside(['systemctl', 'is-enabled', 'berth-manager']).stdout.trim()).toBe('disabled');
    // from here on the machine has no node of its own: what runs is the one /opt/berth carries
    machine.runInside(['umount', '/usr/local/bin/node', '/usr/local/lib/node_modules/npm']);
    expect(machine.execInside(['sh', '-c', 'command -v node']).status).not.toBe(0);
    expect(machine.runInside(['berth-runtime', '--help'])).toContain('berth-runtime');
    // the dev dependencies are left out
    expect(machine.execInside(['test', '-d', '/opt/berth/node_modules/typescript']).status).not.toBe(0);
    expect(machine.execInside(['test', '-d', '/opt/berth/node_modules/@grpc/grpc-js']).status).toBe(0);

    // the operator's settings: this machine shares the host's cgroups, so a cgroup parent of its own
    const conf = machine.runInside(['cat', '/etc/berth/berthd.conf']);
    const edited = conf.replace(
      /^BERTHD_OPTS="(.*)"$/m,
      `BERTHD_OPTS="$1 --cgroup-parent ${cgroupParent()}"`,
    );
    expect(edited).not.toBe(conf);
    machine.runInside(['sh', '-c', 'cat >/etc/berth/berthd.conf'], { input: edited });
    // as docs/deploy.md installs the other machines: from a copy of an installed /opt/berth (no
    // npm, no checkout needed)
    machine.runInside(['cp', '-a', '/opt/berth', '/root/berth-copy']);
    const again = machine.execInside(['bash', '/root/berth-copy/scripts/install.sh', '--no-packages'], {
      timeoutMs: 180_000,
    });
    expect([again.status, again.stderr]).toEqual([0, expect.stringContaining('berthd.service enabled')]);
    expect(machine.runInside(['cat', '/etc/berth/berthd.conf'])).toBe(edited);
    expect(machine.execInside(['test', '-d', '/opt/berth/node_modules/@grpc/grpc-js']).status).toBe(0);
    machine.runInside(['rm', '-rf', '/root/berth-copy']);
    lap('installed again');
  });

  it('should start berthd and run a container that outlives a kill -9 of the engine', async () => {
    machine.runInside(['systemctl', 'start', 'berthd']);
    await until('berthd to serve', engineServes, Boolean, 30_000, 250);
    expect(
      machine.runInside([
        'berth',
        'import',
        '-c',
        'CMD ["sh"]',
        '/mnt/berth-test/busybox.tar',
        'busybox:latest',
      ]),
    ).toMatch(/sha256:/);
    const id = berth([
      'run',
      '-d',
      '--restart',
      'always',
      '--name',
      'keeper',
      'busybox',
      'sleep',
      '100000',
    ]).trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const before = state('keeper');
    expect(before).toEqual({ status: 'running', pid: expect.any(Number), startedAt: expect.any(String), id });
    expect(alive(before.pid)).toBe(true);
    // its cgroup is the one the settings name
    expect(machine.runInside(['cat', `/proc/${before.pid}/cgroup`])).toContain(`/${cgroupParent()}/${id}`);

    const engine = Number(unit('MainPID'));
    expect(engine).toBeGreaterThan(0);
    machine.runInside(['kill', '-9', String(engine)]);
    await until(
      'systemd to start berthd again',
      () => Number(unit('MainPID')),
      (pid) => pid > 0 && pid !== engine,
      30_000,
    );
    expect(unit('NRestarts')).toBe('1');
    await until('the restarted berthd to serve', engineServes, Boolean, 30_000, 250);
    expect(state('keeper')).toEqual(before);
    expect(alive(before.pid)).toBe(true);
    lap('outlived kill -9');
  });

  it('should leave the container running when berthd is stopped, and find it again when started', async () => {
    const before = state('keeper');
    machine.runInside(['systemctl', 'stop', 'berthd']);
    expect(machine.execInside(['systemctl', 'is-active', 'berthd']).stdout.trim()).toBe('inactive');
    expect(alive(before.pid)).toBe(true);
    machine.runInside(['systemctl', 'start', 'berthd']);
    await until('berthd to serve', engineServes, Boolean, 30_000, 250);
    expect(state('keeper')).toEqual(before);
    lap('outlived systemctl stop');
  });

  it('should start berthd at boot and run a --restart always container again, as dockerd does', async () => {
    const before = state('keeper');
    // systemd stops berthd (KillMode=process: only berthd) and then signals what is left; a
    // container's init, PID 1 of its namespace, ignores SIGTERM, so the power off waits for
    // systemd's final SIGKILL (90 s, DefaultTimeoutStopSec)
    await machine.powerOff(180_000);
    lap('powered off');
    await machine.boot();
    lap('booted again');
    await until('berthd to serve after the boot', engineServes, Boolean, 60_000, 250);
    expect(machine.execInside(['systemctl', 'is-active', 'berthd']).stdout.trim()).toBe('active');
    const after = await until(
      'keeper to run again',
      () => state('keeper'),
      (s) => s.status === 'running',
      30_000,
    ).catch((error: Error) => {
      const journal = machine.execInside([
        'journalctl',
        '-b',
        '-u',
        'berthd',
        '--no-pager',
        '-n',
        '80',
      ]).stdout;
      throw new Error(`${error.message}\nberthd since the boot:\n${journal}`);
    });
    expect(after.id).toBe(before.id);
    expect(Date.parse(after.startedAt)).toBeGreaterThan(Date.parse(before.startedAt));
    expect(alive(after.pid)).toBe(true);
    expect(berth(['run', '--rm', 'busybox', 'echo', 'after the reboot'])).toBe('after the reboot\n');
    lap('restarted after the reboot');
  });

  it('should uninstall what it installed and keep the settings and the data', () => {
    const r = machine.execInside(['bash', '/opt/berth/scripts/install.sh', '--uninstall']);
    expect([r.status, r.stderr]).toEqual([0, expect.stringContaining('uninstalled')]);
    expect(machine.execInside(['test', '-e', '/opt/berth']).status).not.toBe(0);
    expect(machine.execInside(['test', '-e', '/usr/local/bin/berth']).status).not.toBe(0);
    expect(machine.execInside(['test', '-e', '/etc/systemd/system/berthd.service']).status).not.toBe(0);
    expect(machine.execInside(['systemctl', 'is-active', 'berthd']).stdout.trim()).not.toBe('active');
    expect(machine.execInside(['test', '-f', '/etc/berth/berthd.conf']).status).toBe(0);
    expect(machine.execInside(['test', '-d', '/var/lib/berth/containers']).status).toBe(0);
    // the container still runs (KillMode=process): --purge refuses to remove its data under it
    const purge = machine.execInside([
      'bash',
      path.join(ROOT, 'scripts/install.sh'),
      '--uninstall',
      '--purge',
    ]);
    expect([purge.status, purge.stderr]).toEqual([1, expect.stringContaining('containers still run')]);
    expect(machine.execInside(['test', '-f', '/etc/berth/berthd.conf']).status).toBe(0);
  });
});
