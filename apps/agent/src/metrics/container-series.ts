/**
 * One running container's values for the agent's per-container metrics, and the labels that say
 * which container, task and service they belong to (a task's container carries swarm's labels).
 * Pure.
 */
import type { CgroupStats } from '@berth/runtime';
import { SERVICE_NAME_LABEL, TASK_ID_LABEL } from '../cluster/task-labels';
import type { ContainerRecord } from '../containers/model';

export interface ContainerSeries {
  labels: { container: string; name: string; service: string; task: string };
  cpuSeconds: number;
  /** in use without the page cache, as docker stats shows it */
  memoryBytes: number;
  memoryLimitBytes: number | null;
  receiveBytes: number;
  transmitBytes: number;
  restarts: number;
}

export function containerSeries(
  c: Pick<ContainerRecord, 'id' | 'name' | 'config' | 'restartCount'>,
  stats: Pick<CgroupStats, 'cpuUsageNs' | 'memoryUsageBytes' | 'memoryCacheBytes' | 'memoryLimitBytes'>,
  net: { rx: number; tx: number },
): ContainerSeries {
  return {
    labels: {
      container: c.id,
      name: c.name.replace(/^\//, ''),
      service: c.config.labels[SERVICE_NAME_LABEL] ?? '',
      task: c.config.labels[TASK_ID_LABEL] ?? '',
    },
    cpuSeconds: stats.cpuUsageNs / 1e9,
    memoryBytes: Math.max(0, stats.memoryUsageBytes - stats.memoryCacheBytes),
    memoryLimitBytes: stats.memoryLimitBytes,
    receiveBytes: net.rx,
    transmitBytes: net.tx,
    restarts: c.restartCount,
  };
}
