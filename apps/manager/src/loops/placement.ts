import { applyTaskChanges, mergeTaskChanges, type ClusterSnapshot, type TaskChange } from '@berth/cluster';
import { allocate, awaitsAddresses } from '@berth/network/allocator/allocator';
import { awaitsPlacement, schedule } from '@berth/scheduler';
import { taskWrite, type Write } from '@berth/store';

/**
 * CHANGES to SNAPSHOT's tasks (from the orchestrators or a rollout) with what follows from them
 * in the same write: addresses for new tasks (and VIPs, ingress addresses), then nodes for those
 * pending. Each step sees the ones before, so a task made, addressed and placed now is written once.
 */
export function placedWrites(
  snapshot: ClusterSnapshot,
  changes: readonly TaskChange[],
  /** told how long the scheduler took (metrics) */
  timed: (schedulerSeconds: number) => void = () => undefined,
  /** false when nothing waits for an address and no service, network or machine changed: the allocator is skipped */
  addressing = true,
): Write[] {
  const changed = { ...snapshot, tasks: applyTaskChanges(snapshot.tasks, changes) };
  const allocation = addressing ? allocate(changed) : { services: [], networks: [], tasks: [] };
  const addressed = { ...changed, tasks: applyTaskChanges(changed.tasks, allocation.tasks) };
  const started = performance.now();
  const placements = schedule(addressed);
  timed((performance.now() - started) / 1000);
  const taskWrites = mergeTaskChanges(mergeTaskChanges(changes, allocation.tasks), placements);
  return [
    ...allocation.services.map((object): Write => ({ op: 'update', kind: 'services', object })),
    ...allocation.networks.map((object): Write => ({ op: 'update', kind: 'networks', object })),
    ...taskWrites.map(taskWrite),
  ];
}

/**
 * Whether these changes need the allocator or the scheduler: a task made or changed that waits
 * for addresses (`new`) or for a machine.
 */
export function changesNeedPlacement(changes: readonly TaskChange[]): boolean {
  return changes.some((c) => c.kind !== 'delete' && (awaitsAddresses(c.task) || awaitsPlacement(c.task)));
}

/** Whether these changes make or change a task waiting for addresses. */
export function changesNeedAddresses(changes: readonly TaskChange[]): boolean {
  return changes.some((c) => c.kind !== 'delete' && awaitsAddresses(c.task));
}
