/** What a process inside a Berth container sees: its own pid, uts, mount, net namespaces, caps and user. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerDefaults } from '@berth/runtime';
import { RuntimeHarness } from '@berth/testing';

let h: RuntimeHarness;
beforeAll(() => {
  h = RuntimeHarness.open('isolation');
});
afterAll(() => h.cleanup());

const sh = (script: string) => ['sh', '-c', script];

describe('namespaces', () => {
  it('should make the container process PID 1 and show only its own processes', async () => {
    const r = await h.run({ args: sh('echo $$; ps -o pid,comm | tail -n +2') });
    const [self, ...ps] = r.stdout.trim().split('\n');
    expect(self).toBe('1');
    const pids = ps.map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(pids).toContain(1);
    expect(Math.max(...pids)).toBeLessThan(10); // the host has hundreds
  });

  it('should give the container its own hostname', async () => {
    const r = await h.run({ args: ['hostname'], hostname: 'boxy' });
    expect(r.stdout).toBe('boxy\n');
    expect(os.hostname()).not.toBe('boxy');
  });

  it('should not show host files', async () => {
    const marker = path.join(h.tmp, 'host-only-marker');
    fs.writeFileSync(marker, 'secret');
    const r = await h.run({ args: sh(`test -e ${marker} && echo visible || echo hidden; ls /`) });
    expect(r.stdout.split('\n')[0]).toBe('hidden');
    expect(r.stdout).not.toContain('work'); // /work exists on this host
    expect(r.stdout.split('\n').slice(1).filter(Boolean).sort()).toEqual(
      ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'var'].sort(),
    );
  });

  it('should have only a loopback interface without a network, and it up', async () => {
    const r = await h.run({ args: ['ls', '/sys/class/net'] });
    expect(r.stdout.trim().split('\n')).toEqual(['lo']);
    // IFF_UP is bit 0 of the flags; lo is 0x8 down, 0x9 up
    const flags = await h.run({ args: ['cat', '/sys/class/net/lo/flags'] });
    expect(Number(flags.stdout.trim()) & 1).toBe(1);
  });

  it('should share the host network when asked', async () => {
    const r = await h.run({ args: ['ls', '/sys/class/net'], network: 'host' });
    expect(r.stdout.trim().split('\n').sort()).toEqual(fs.readdirSync('/sys/class/net').sort());
  });

  it('should join a network namespace given by path', async () => {
    const netns = `berth-test-${process.pid}`;
    execFileSync('ip', ['netns', 'add', netns]);
    try {
      execFileSync('ip', ['-n', netns, 'link', 'add', 'berthv0', 'type', 'veth', 'peer', 'name', 'berthv1']);
      const r = await h.run({
        args: ['sh', '-c', 'ls /sys/class/net; cat /sys/class/net/lo/flags'],
        network: { path: `/run/netns/${netns}` },
      });
      const lines = r.stdout.trim().split('\n');
      expect(lines.slice(0, -1).sort()).toEqual(['berthv0', 'berthv1', 'lo']);
      expect(Number(lines.at(-1)) & 1).toBe(1); // its loopback brought up
    } finally {
      execFileSync('ip', ['netns', 'delete', netns]);
    }
  });

  it("should set namespaced sysctls in the container's own network namespace", async () => {
    const r = await h.run({
      args: ['cat', '/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv4/ip_unprivileged_port_start'],
      sysctls: { 'net.ipv4.ip_forward': '1', 'net.ipv4.ip_unprivileged_port_start': '80' },
    });
    expect(r.stdout).toBe('1\n80\n');
  });

  it("should show the container's own cgroup as the root of /sys/fs/cgroup", async () => {
    const r = await h.run({ args: sh('cat /proc/self/cgroup; ls /sys/fs/cgroup') });
    // in a cgroup namespace every hierarchy's path is "/"
    const paths = r.stdout
      .split('\n')
      .filter((l) => /^\d+:/.test(l))
      .map((l) => l.split(':')[2]);
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths)).toEqual(new Set(['/']));
  });
});

describe('filesystem', () => {
  it('should make /proc/sys and the other read-only paths read-only', async () => {
    const r = await h.run({
      args: sh('echo x > /proc/sys/kernel/hostname; echo rc=$?; grep " /proc/sys " /proc/mounts'),
    });
    expect(r.stdout).toContain('rc=1');
    expect(r.stderr).toMatch(/Read-only file system/);
    expect(r.stdout).toMatch(/\/proc\/sys proc ro,/);
  });

  it('should mount /sys read-only and mask the masked paths', async () => {
    const r = await h.run({ args: sh('touch /sys/x; echo rc=$?') });
    expect(r.stdout).toBe('rc=1\n');
    // every masked path this host has must read as empty inside
    const present = dockerDefaults.DOCKER_MASKED_PATHS.filter((p) => fs.existsSync(p));
    expect(present.length).toBeGreaterThan(1);
    const script = present
      .map((p) =>
        fs.statSync(p).isDirectory() ? `echo ${p} $(ls ${p} | wc -l)` : `echo ${p} $(wc -c < ${p})`,
      )
      .join('; ');
    const masked = await h.run({ args: sh(script) });
    expect(masked.stdout.trim().split('\n')).toEqual(present.map((p) => `${p} 0`));
  });

  it('should give a tmpfs /dev with the standard nodes, /dev/pts, /dev/shm and /dev/mqueue', async () => {
    const r = await h.run({
      args: sh(
        'ls -l /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty | cut -c1-10; ' +
          'echo hi > /dev/null && head -c 4 /dev/zero | wc -c; ' +
          'grep -E " /dev(/pts|/shm|/mqueue)? " /proc/mounts | cut -d" " -f2,3',
      ),
    });
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 6)).toEqual(Array(6).fill('crw-rw-rw-'));
    expect(lines[6]).toBe('4');
    expect(lines.slice(7).sort()).toEqual([
      '/dev tmpfs',
      '/dev/mqueue mqueue',
      '/dev/pts devpts',
      '/dev/shm tmpfs',
    ]);
  });

  it('should bind /etc/hosts, /etc/hostname and /etc/resolv.conf from the container directory', async () => {
    const files = path.join(h.tmp, 'etc-files');
    fs.mkdirSync(files, { recursive: true });
    fs.writeFileSync(path.join(files, 'hosts'), '127.0.0.1\tlocalhost\n10.88.0.5\tweb\n');
    fs.writeFileSync(path.join(files, 'hostname'), 'web\n');
    fs.writeFileSync(path.join(files, 'resolv.conf'), 'nameserver 10.88.0.1\n');
    const r = await h.run({
      args: sh('cat /etc/hosts /etc/hostname /etc/resolv.conf'),
      etcFiles: {
        hosts: path.join(files, 'hosts'),
        hostname: path.join(files, 'hostname'),
        resolvConf: path.join(files, 'resolv.conf'),
      },
    });
    expect(r.stdout).toBe('127.0.0.1\tlocalhost\n10.88.0.5\tweb\nweb\nnameserver 10.88.0.1\n');
  });

  it('should bind volumes read-write and read-only', async () => {
    const rw = path.join(h.tmp, 'vol-rw');
    const ro = path.join(h.tmp, 'vol-ro');
    fs.mkdirSync(rw);
    fs.mkdirSync(ro);
    fs.writeFileSync(path.join(ro, 'data'), 'from host\n');
    const r = await h.run({
      args: sh('echo written > /rw/out; cat /ro/data; echo nope > /ro/data; echo rc=$?'),
      mounts: [
        { source: rw, destination: '/rw' },
        { source: ro, destination: '/ro', readOnly: true },
      ],
    });
    expect(fs.readFileSync(path.join(rw, 'out'), 'utf8')).toBe('written\n');
    expect(r.stdout).toBe('from host\nrc=1\n');
    expect(fs.readFileSync(path.join(ro, 'data'), 'utf8')).toBe('from host\n');
  });

  it('should refuse writes to a read-only root but allow them on its tmpfs mounts', async () => {
    const r = await h.run({
      args: sh('touch /file; echo root=$?; touch /tmp/file; echo tmp=$?'),
      readOnlyRootfs: true,
      tmpfs: [{ destination: '/tmp' }],
    });
    expect(r.stdout).toBe('root=1\ntmp=0\n');
  });

  it('should write into the overlay upper dir, never the image', async () => {
    const id = h.nextId();
    await h.runtime.run(id, {
      bundle: h.tmp,
      spec: h.spec(id, { args: sh('echo new > /etc/added; rm /etc/group') }),
    });
    await h.runtime.delete(id);
    const upper = path.join(h.tmp, 'rootfs', id, 'upper');
    expect(fs.readFileSync(path.join(upper, 'etc/added'), 'utf8')).toBe('new\n');
    expect(fs.statSync(path.join(upper, 'etc/group')).isCharacterDevice()).toBe(true); // overlay whiteout
    expect(fs.existsSync(path.join(h.image, 'etc/group'))).toBe(true);
    expect(fs.existsSync(path.join(h.image, 'etc/added'))).toBe(false);
  });
});

describe('overlay root', () => {
  it('should stack several lower layers, the first on top, with whiteouts hiding lower files', async () => {
    const top = path.join(h.tmp, 'layer-top');
    fs.mkdirSync(path.join(top, 'etc'), { recursive: true });
    fs.writeFileSync(path.join(top, 'etc/motd'), 'from the top layer\n');
    fs.writeFileSync(path.join(top, 'etc/only-top'), 'top\n');
    execFileSync('mknod', [path.join(top, 'etc/group'), 'c', '0', '0']); // overlay whiteout: deleted in this layer
    const r = await h.run(
      {
        args: [
          'sh',
          '-c',
          'cat /etc/motd /etc/only-top; test -e /etc/group && echo group || echo no-group; test -e /etc/passwd && echo passwd',
        ],
      },
      h.nextId(),
      [top, h.image],
    );
    expect(r.stdout).toBe('from the top layer\ntop\nno-group\npasswd\n');
  });
});

describe('privileges', () => {
  it("should give root Docker's default capabilities and no more: mount fails, chown works", async () => {
    const r = await h.run({
      args: sh(
        'grep CapEff /proc/self/status; mount -t tmpfs none /tmp; echo mount=$?; ' +
          'touch /tmp/f && chown 1000:1000 /tmp/f; echo chown=$?',
      ),
    });
    expect(r.stdout).toContain('CapEff:\t00000000a80425fb');
    expect(r.stdout).toContain('mount=1');
    expect(r.stderr).toMatch(/mount: permission denied|Operation not permitted/);
    expect(r.stdout).toContain('chown=0');
  });

  it('should switch to the given uid, gid and groups, with no effective capabilities', async () => {
    const r = await h.run({
      args: sh('id -u; id -g; id -G; grep CapEff /proc/self/status; touch /root/x; echo rc=$?'),
      user: { uid: 1000, gid: 1000, additionalGids: [10, 20] },
    });
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      '1000',
      '1000',
      '1000 10 20',
      'CapEff:\t0000000000000000',
      'rc=1',
    ]);
  });

  it('should set no_new_privs, rlimits and oom_score_adj when asked', async () => {
    const r = await h.run({
      args: sh('grep NoNewPrivs /proc/self/status; ulimit -n; cat /proc/self/oom_score_adj'),
      noNewPrivileges: true,
      rlimits: [{ type: 'RLIMIT_NOFILE', soft: 256, hard: 512 }],
      oomScoreAdj: 500,
    });
    expect(r.stdout).toBe('NoNewPrivs:\t1\n256\n500\n');
  });

  it('should refuse access to devices outside the allow list, even to root with CAP_MKNOD', async () => {
    // the device cgroup: making the node is allowed (c *:* m), opening /dev/kmsg (1:11) is not.
    // On cgroup v2 this needs an eBPF program Berth does not attach yet, and this test fails there.
    const r = await h.run({
      args: sh('mknod /tmp/kmsg c 1 11 && echo made; head -c 1 /tmp/kmsg; echo rc=$?'),
    });
    expect(r.stdout).toBe('made\nrc=1\n');
    expect(r.stderr).toMatch(/Operation not permitted/);
  });

  it('should apply --cap-add and --cap-drop', async () => {
    const r = await h.run({
      args: sh('grep CapEff /proc/self/status; touch /tmp/f; chown 5 /tmp/f; echo chown=$?'),
      capDrop: ['CHOWN'],
      capAdd: ['NET_ADMIN'],
    });
    expect(r.stdout).toContain('CapEff:\t00000000a80435fa'); // -CHOWN (bit 0) +NET_ADMIN (bit 12)
    expect(r.stdout).toContain('chown=1');
  });
});

describe('process', () => {
  it('should run in the working directory with the environment given', async () => {
    const r = await h.run({
      args: sh('pwd; echo "$GREETING"; umask'),
      cwd: '/tmp',
      env: ['GREETING=hello there'],
      umask: 0o027,
    });
    expect(r.stdout).toBe('/tmp\nhello there\n0027\n');
  });

  it('should log stdout and stderr separately in json-file format, escaped as Docker does', async () => {
    const id = h.nextId();
    const script =
      'echo out; echo err >&2; printf "tab\\t<b>&\\n"; printf "bad \\377 byte\\n"; printf "no newline"';
    await h.runtime.run(id, { bundle: h.tmp, spec: h.spec(id, { args: sh(script) }) });
    const raw = fs.readFileSync(path.join(h.runtime.stateRoot, id, 'log.json'), 'utf8');
    const entries = h.logOf(id);
    await h.runtime.delete(id);
    expect(entries.map((e) => [e.stream, e.log])).toEqual(
      expect.arrayContaining([
        ['stdout', 'out\n'],
        ['stderr', 'err\n'],
        ['stdout', 'tab\t<b>&\n'],
        ['stdout', 'bad \ufffd byte\n'],
        ['stdout', 'no newline'],
      ]),
    );
    for (const e of entries) expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    // Go's encoding/json escapes HTML characters; Docker's logs read that way
    expect(raw).toContain('{"log":"tab\\t\\u003cb\\u003e\\u0026\\n","stream":"stdout","time":"');
  });
});
