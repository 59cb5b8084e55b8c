/**
 * `GET /containers/{id}/stats`: a container's sample in Docker's StatsJSON shape, with the
 * sample before it as `precpu_stats`, so the docker client's own arithmetic (CPU share of the
 * host's CPU time, memory without its inactive page cache, network and pids) gives what
 * `berth stats` shows. Pure.
 */
import type { CgroupStats } from '@berth/runtime';

export interface StatsSample {
  at: Date;
  /** null: the container is not running */
  cgroup: CgroupStats | null;
  /** the host's CPU time so far (ns) */
  systemCpuNs: number;
  onlineCpus: number;
  hostMemoryBytes: number;
  net: { rx: number; tx: number };
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

function cpuStats(s: StatsSample | null) {
  return {
    cpu_usage: { total_usage: s?.cgroup?.cpuUsageNs ?? 0, usage_in_kernelmode: 0, usage_in_usermode: 0 },
    system_cpu_usage: s?.cgroup ? s.systemCpuNs : 0,
    online_cpus: s?.cgroup ? s.onlineCpus : 0,
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  };
}

export function dockerStats(c: { id: string; name: string }, now: StatsSample, before: StatsSample | null) {
  const g = now.cgroup;
  return {
    read: g ? now.at.toISOString() : ZERO_TIME,
    preread: before?.cgroup ? before.at.toISOString() : ZERO_TIME,
    id: c.id,
    name: `/${c.name}`,
    pids_stats: g ? { current: g.pidsCurrent, ...(g.pidsLimit !== null ? { limit: g.pidsLimit } : {}) } : {},
    blkio_stats: {
      io_service_bytes_recursive: null,
      io_serviced_recursive: null,
      io_queue_recursive: null,
      io_service_time_recursive: null,
      io_wait_time_recursive: null,
      io_merged_recursive: null,
      io_time_recursive: null,
      sectors_recursive: null,
    },
    num_procs: 0,
    storage_stats: {},
    cpu_stats: cpuStats(now),
    precpu_stats: cpuStats(before),
    memory_stats: g
      ? {
          usage: g.memoryUsageBytes,
          // the docker client takes this from the usage, as `berth stats` takes the page cache
          stats: { total_inactive_file: g.memoryCacheBytes, inactive_file: g.memoryCacheBytes },
          limit: g.memoryLimitBytes ?? now.hostMemoryBytes,
        }
      : {},
    ...(g
      ? {
          networks: {
            eth0: {
              rx_bytes: now.net.rx,
              rx_packets: 0,
              rx_errors: 0,
              rx_dropped: 0,
              tx_bytes: now.net.tx,
              tx_packets: 0,
              tx_errors: 0,
              tx_dropped: 0,
            },
          },
        }
      : {}),
  };
}
