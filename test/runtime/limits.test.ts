/** cgroups: memory with OOM reporting, pids, CPU quota and shares, stats — and the v2 driver on this machine's cgroup2 mount. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CgroupV2Driver, Runtime } from '@berth/runtime';
import { RuntimeHarness } from '@berth/testing';

let h: RuntimeHarness;
beforeAll(() => {
  h = RuntimeHarness.open('limits');
});
afterAll(() => h.cleanup());

const sh = (script: string) => ['sh', '-c', script];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('should OOM-kill a memory hog and report it as Docker does (137, OOMKilled)', async () => {
  // dd's 64 MiB buffer is filled from /dev/zero: it must fit in memory, and swap is capped too
  const r = await h.run({
    args: ['dd', 'if=/dev/zero', 'of=/dev/null', 'bs=64M', 'count=1'],
    memoryBytes: 16 << 20,
  });
  expect(r.exit).toMatchObject({ exitCode: 137, signal: 9, oomKilled: true });
});

it('should not call an ordinary SIGKILL an OOM kill', async () => {
  const id = await h.start({ args: ['sleep', '60'], memoryBytes: 32 << 20 });
  h.runtime.kill(id, 'KILL');
  expect((await h.runtime.wait(id)).oomKilled).toBe(false);
  await h.runtime.delete(id);
});

it('should stop a fork bomb at the pids limit', async () => {
  const id = await h.start({ args: ['sleep', '60'], pidsLimit: 20 });
  // busy forking until fork fails; the children it made stay, holding the limit
  const bomb = await h.runtime.exec(id, {
    args: sh('i=0; while [ $i -lt 100 ]; do sleep 60 >/dev/null 2>&1 & i=$((i+1)); done'),
  });
  expect(bomb.exitCode).not.toBe(0);
  expect(bomb.stderr).toMatch(/can't fork|Resource temporarily unavailable/);
  const stats = h.runtime.stats(id);
  expect(stats.pidsLimit).toBe(20);
  expect(stats.pidsCurrent).toBeLessThanOrEqual(20);
  expect(stats.pidsCurrent).toBeGreaterThanOrEqual(15);
  await h.runtime.delete(id, { force: true });
});

it('should apply the CPU quota and shares and report usage', async () => {
  const id = await h.start({
    args: sh('while true; do :; done'),
    cpus: 0.5,
    cpuShares: 512,
    memoryBytes: 64 << 20,
  });
  await sleep(1000);
  const stats = h.runtime.stats(id);
  const layout = h.runtime.cgroups.layout;
  if (layout.mode === 'v2') {
    expect(fs.readFileSync(path.join(layout.mountPoint, h.cgroupParent, id, 'cpu.max'), 'utf8').trim()).toBe(
      '50000 100000',
    );
  } else {
    const cpu =
      layout.mode === 'none' ? '' : layout.hierarchies.find((x) => x.controllers.includes('cpu'))!.mountPoint;
    const dir = path.join(cpu, h.cgroupParent, id);
    expect(fs.readFileSync(path.join(dir, 'cpu.cfs_quota_us'), 'utf8').trim()).toBe('50000');
    expect(fs.readFileSync(path.join(dir, 'cpu.shares'), 'utf8').trim()).toBe('512');
  }
  // a busy loop under a half-CPU quota: about 0.5 s of CPU in 1 s, never a whole second
  expect(stats.cpuUsageNs).toBeGreaterThan(0.2e9);
  expect(stats.cpuUsageNs).toBeLessThan(0.8e9);
  expect(stats.memoryLimitBytes).toBe(64 << 20);
  expect(stats.memoryUsageBytes).toBeGreaterThan(0);
  expect(stats.pids).toHaveLength(1);
  await h.runtime.delete(id, { force: true });
});

describe('cgroup v2 driver', () => {
  it("should run, freeze, thaw and remove a container on this machine's cgroup2 mount", async () => {
    // A pure-v2 machine is exercised by the main suite; a hybrid one still has a cgroup2 mount with no controllers,
    // which is enough for membership, cgroup.freeze and removal. Resource files need controllers it does not have.
    const layout = h.runtime.cgroups.layout;
    const mount =
      layout.mode === 'v2'
        ? layout.mountPoint
        : layout.mode === 'hybrid'
          ? layout.unifiedMountPoint
          : undefined;
    expect(mount).toBeDefined();
    const v2 = new CgroupV2Driver({ mode: 'v2', mountPoint: mount! }, mount!);
    const rt = Runtime.open({
      stateRoot: path.join(h.tmp, 'state-v2'),
      cgroupParent: h.cgroupParent,
      cgroups: v2,
    });
    const id = 'v2-1';
    await rt.createAndStart(id, {
      bundle: h.tmp,
      spec: h.spec(id, { args: sh('while true; do echo tick; sleep 0.02; done') }),
    });
    const dir = path.join(mount!, h.cgroupParent, id);
    try {
      expect(
        fs.readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').trim().split('\n').length,
      ).toBeGreaterThanOrEqual(1);
      await rt.pause(id);
      expect(rt.state(id).status).toBe('paused');
      expect(fs.readFileSync(path.join(dir, 'cgroup.events'), 'utf8')).toContain('frozen 1');
      await rt.resume(id);
      expect(rt.state(id).status).toBe('running');
    } finally {
      await rt.delete(id, { force: true });
      fs.rmdirSync(path.join(mount!, h.cgroupParent));
    }
    expect(fs.existsSync(dir)).toBe(false);
  });
});
