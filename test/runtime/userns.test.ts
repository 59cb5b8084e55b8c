/**
 * A container with a user namespace of its own: the monitor maps it before the
 * init runs, root inside is an unprivileged id outside, and the engine's kind
 * of spec (overlay root, network namespace by path, Docker's mounts) works in it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidSpecError, type ContainerOptions, type OciIdMapping } from '@berth/runtime';
import { RuntimeHarness } from '@berth/testing';

const HOST_BASE = 100000;
const RANGE: OciIdMapping[] = [{ containerID: 0, hostID: HOST_BASE, size: 65536 }];
// the busybox layer is owned by host root: seen through an idmapped mount, it is the container root's
const userNamespace = { uidMappings: RANGE, gidMappings: RANGE, idmapLayers: true };

let h: RuntimeHarness;
beforeAll(() => {
  h = RuntimeHarness.open('userns');
  // the container's root is host uid 100000: it must pass through the suite's directory to its rootfs
  fs.chmodSync(h.tmp, 0o711);
});
afterAll(() => h.cleanup());

const sh = (script: string) => ['sh', '-c', script];
/** Run in a user namespace over an overlay whose upper dir (the root's owner, for overlayfs) is the mapped root's, as the engine makes it. */
async function runInUserNs(options: Partial<ContainerOptions>, id = h.nextId()) {
  const spec = h.spec(id, { userNamespace, ...options });
  fs.chownSync(spec.annotations!['io.berth.rootfs.upperdir'], HOST_BASE, HOST_BASE);
  const exit = await h.runtime.run(id, { bundle: h.tmp, spec });
  const entries = h.logOf(id);
  await h.runtime.delete(id, { force: true });
  const text = (stream: string) =>
    entries
      .filter((e) => e.stream === stream)
      .map((e) => e.log)
      .join('');
  return { exit, stdout: text('stdout'), stderr: text('stderr') };
}

function sharedDir(name: string, owner = 0): string {
  const dir = path.join(h.tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.chownSync(dir, owner, owner);
  return dir;
}

describe('a user namespace', () => {
  it('should refuse a rootfs the mapped root cannot reach, naming the directory', async () => {
    const closed = path.join(h.tmp, 'closed');
    fs.mkdirSync(path.join(closed, 'rootfs'), { recursive: true, mode: 0o700 });
    fs.chmodSync(closed, 0o700);
    const id = h.nextId();
    const spec = h.spec(id, { userNamespace });
    spec.root!.path = path.join(closed, 'rootfs');
    delete spec.annotations!['io.berth.rootfs.lowerdirs'];
    const error = await h.runtime.run(id, { bundle: h.tmp, spec }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidSpecError);
    expect((error as InvalidSpecError).problems).toEqual([
      {
        path: 'root.path',
        message: `${closed} (mode 700) cannot be searched by the container's root, host uid 100000: give others x (chmod o+x) or own it by that id`,
      },
    ]);
  });

  it('should be mapped before the program runs, with root inside', async () => {
    const r = await runInUserNs({ args: sh('cat /proc/self/uid_map /proc/self/gid_map; id -u; id -g') });
    expect(r.stderr).toBe('');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).join(' '));
    expect(lines).toEqual(['0 100000 65536', '0 100000 65536', '0', '0']);
  });

  it('should make files owned on the host by the mapped root', async () => {
    const dir = sharedDir('owned-by-mapped-root', HOST_BASE);
    const r = await runInUserNs({
      args: sh('echo hi > /data/made && stat -c %u:%g /data/made'),
      mounts: [{ source: dir, destination: '/data' }],
    });
    expect(r.stdout).toBe('0:0\n');
    const st = fs.statSync(path.join(dir, 'made'));
    expect([st.uid, st.gid]).toEqual([HOST_BASE, HOST_BASE]);
  });

  it('should leave root inside without the host root’s powers over host files', async () => {
    const dir = sharedDir('host-root-files');
    const file = path.join(dir, 'host-owned');
    fs.writeFileSync(file, 'original\n', { mode: 0o644 });
    const r = await runInUserNs({
      args: sh(
        'stat -c %u /data/host-owned; echo changed > /data/host-owned && echo wrote; ' +
          'touch /data/new && echo created; cat /data/host-owned',
      ),
      mounts: [{ source: dir, destination: '/data' }],
    });
    // host root is no id inside: the overflow uid
    expect(r.stdout).toBe('65534\noriginal\n');
    expect(r.stderr.trim().split('\n')).toEqual([
      "sh: can't create /data/host-owned: Permission denied",
      'touch: /data/new: Permission denied',
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe('original\n');
    expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
  });

  it('should give the container the host’s device nodes, usable', async () => {
    const r = await runInUserNs({
      args: sh('echo x > /dev/null && head -c 4 /dev/zero | wc -c; ls -l /dev/null /dev/ptmx'),
    });
    expect(r.stderr).toBe('');
    const [count, nullLine, ptmxLine] = r.stdout.trim().split('\n');
    expect(count.trim()).toBe('4');
    expect(nullLine).toMatch(/^crw-rw-rw-\s+1 /);
    expect(ptmxLine).toMatch(/\/dev\/ptmx -> pts\/ptmx$/);
  });

  it('should run the engine’s kind of spec: overlay root, network namespace by path, sysfs, /dev tmpfs', async () => {
    const netns = `berth-userns-${process.pid}`;
    execFileSync('ip', ['netns', 'add', netns]);
    try {
      const r = await runInUserNs({
        network: { path: `/run/netns/${netns}` },
        hostname: 'remapped',
        args: sh(
          'cat /sys/class/net/lo/flags; hostname; echo up > /root-write && cat /root-write; ' +
            'grep " / " /proc/self/mountinfo | grep -c overlay; mount | grep -c " /sys "; ls /sys/fs/cgroup | grep -cE "^(memory|pids|cgroup.procs)$"',
        ),
      });
      expect(r.stderr).toBe('');
      const [flags, hostname, wrote, overlayRoots, sysMounts, cgroupControllers] = r.stdout
        .trim()
        .split('\n');
      expect(Number(flags) & 1).toBe(1); // lo up, by the monitor (the init may not touch this namespace)
      expect(hostname).toBe('remapped');
      expect(wrote).toBe('up');
      expect(overlayRoots).toBe('1');
      expect(Number(sysMounts)).toBeGreaterThanOrEqual(1);
      // the container's cgroups are mounted: v1's memory and pids hierarchies, or v2's cgroup.procs
      expect(Number(cgroupControllers)).toBeGreaterThanOrEqual(1);
    } finally {
      execFileSync('ip', ['netns', 'delete', netns]);
    }
  });

  it('should show layers owned by host root as nobody’s without idmapped layers', async () => {
    const r = await runInUserNs({
      userNamespace: { uidMappings: RANGE, gidMappings: RANGE },
      args: sh('stat -c %u /bin/busybox; touch /bin/new 2>/dev/null || echo refused'),
    });
    expect(r.stdout).toBe('65534\nrefused\n');
  });

  it('should show /sys read-only, the container’s own cgroups, and a terminal', async () => {
    const r = await runInUserNs({
      terminal: { rows: 10, cols: 40 },
      args: sh(
        'touch /sys/x 2>/dev/null || echo sys-ro; cat /proc/self/cgroup | grep -c ":/$"; tty; stty size',
      ),
    });
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('sys-ro');
    expect(Number(lines[1])).toBeGreaterThan(0);
    expect(lines.slice(2)).toEqual(['/dev/pts/0', '10 40']);
  });

  it('should exec into the container’s user namespace as its root, or as another user', async () => {
    const id = h.nextId();
    const spec = h.spec(id, { userNamespace, args: ['sleep', '60'], oomScoreAdj: 300 });
    fs.chownSync(spec.annotations!['io.berth.rootfs.upperdir'], HOST_BASE, HOST_BASE);
    await h.runtime.createAndStart(id, { bundle: h.tmp, spec });
    try {
      const r = await h.runtime.exec(id, {
        args: sh('id -u; cat /proc/self/uid_map; touch /made-by-exec; stat -c %u /made-by-exec'),
      });
      expect(r.stderr).toBe('');
      const [uid, map, owner] = r.stdout.trim().split('\n');
      expect([uid, map.trim().split(/\s+/).join(' '), owner]).toEqual(['0', '0 100000 65536', '0']);
      const upper = spec.annotations!['io.berth.rootfs.upperdir'];
      expect(fs.statSync(path.join(upper, 'made-by-exec')).uid).toBe(HOST_BASE);

      const other = await h.runtime.exec(id, {
        args: sh('id -u; cat /proc/self/oom_score_adj'),
        user: { uid: 1000, gid: 1000 },
      });
      expect(other.stdout).toBe('1000\n300\n'); // the exec shim set its score before it joined
    } finally {
      await h.runtime.delete(id, { force: true });
    }
  });

  it('should set the OOM score and limits from outside: /proc/self/oom_score_adj is host root’s', async () => {
    // raising a hard limit or lowering the score also needs the host's CAP_SYS_RESOURCE, which is
    // why runc sets them from outside too; this machine's bounding set lacks it, so neither is tried
    const r = await runInUserNs({
      rlimits: [{ type: 'RLIMIT_NOFILE', soft: 1024, hard: 2048 }],
      oomScoreAdj: 500,
      args: sh('ulimit -Sn; ulimit -Hn; cat /proc/self/oom_score_adj'),
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1024\n2048\n500\n');
  });

  it('should make the root read-only and mask paths as without one', async () => {
    const r = await runInUserNs({
      readOnlyRootfs: true,
      args: sh(
        'touch /x 2>/dev/null || echo ro; cat /proc/kcore 2>/dev/null | wc -c; ls /sys/firmware | wc -l',
      ),
    });
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.trim()),
    ).toEqual(['ro', '0', '0']);
  });
});
