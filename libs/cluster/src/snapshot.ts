import type { Node, Service, Task } from './objects';

/** Everything a pure decision reads: the cluster as etcd held it at one revision. */
export interface ClusterSnapshot {
  nodes: readonly Node[];
  services: readonly Service[];
  tasks: readonly Task[];
  /** epoch ms; decisions never read the clock themselves */
  now: number;
}

/** What a decision wants written. Updates carry the whole object with the version it was read at. */
export type TaskChange =
  { kind: 'create'; task: Task } | { kind: 'update'; task: Task } | { kind: 'delete'; task: Task };
