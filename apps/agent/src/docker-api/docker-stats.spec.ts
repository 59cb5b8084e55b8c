import { dockerStats, type StatsSample } from './docker-stats';
import { parseProcStatCpuNs } from '../containers/stats';

const sample = (atMs: number, cpuUsageNs: number, systemCpuNs: number): StatsSample => ({
  at: new Date(atMs),
  cgroup: {
    cpuUsageNs,
    memoryUsageBytes: 10_000_000,
    memoryLimitBytes: null,
    memoryCacheBytes: 4_000_000,
    pidsCurrent: 3,
    pidsLimit: 100,
  },
  systemCpuNs,
  onlineCpus: 2,
  hostMemoryBytes: 8e9,
  net: { rx: 1200, tx: 800 },
});

describe("docker stats' document", () => {
  it('should give the docker client what its CPU and memory arithmetic needs', () => {
    const before = sample(1_000, 1e9, 100e9);
    const now = sample(2_000, 1.5e9, 102e9);
    const d = dockerStats({ id: 'c1', name: 'web' }, now, before);
    // the client's CPU %: (Δcontainer / Δsystem) × CPUs × 100
    const cpuDelta = d.cpu_stats.cpu_usage.total_usage - d.precpu_stats.cpu_usage.total_usage;
    const systemDelta = d.cpu_stats.system_cpu_usage - d.precpu_stats.system_cpu_usage;
    expect((cpuDelta / systemDelta) * d.cpu_stats.online_cpus * 100).toBe(50);
    const mem = d.memory_stats as { usage: number; stats: { total_inactive_file: number }; limit: number };
    expect(mem.usage - mem.stats.total_inactive_file).toBe(6_000_000);
    expect(mem.limit).toBe(8e9); // unlimited: the host's memory
    expect(d.pids_stats).toEqual({ current: 3, limit: 100 });
    expect(d.networks?.eth0).toMatchObject({ rx_bytes: 1200, tx_bytes: 800 });
    expect(d).toMatchObject({
      id: 'c1',
      name: '/web',
      read: '1970-01-01T00:00:02.000Z',
      preread: '1970-01-01T00:00:01.000Z',
    });
  });

  it('should answer zeros for a container that is not running, as dockerd does', () => {
    const d = dockerStats({ id: 'c1', name: 'web' }, { ...sample(1, 0, 0), cgroup: null }, null);
    expect(d.read).toBe('0001-01-01T00:00:00Z');
    expect(d.memory_stats).toEqual({});
    expect(d.cpu_stats.cpu_usage.total_usage).toBe(0);
    expect(d.networks).toBeUndefined();
  });

  it("should read the host's CPU time from /proc/stat in nanoseconds", () => {
    const text = 'cpu  100 5 50 1000 10 0 5 0 0 0\ncpu0 50 2 25 500 5 0 2 0 0 0\n';
    expect(parseProcStatCpuNs(text)).toBe(1170 * 1e7);
    expect(parseProcStatCpuNs('intr 1 2 3\n')).toBe(0);
  });
});
