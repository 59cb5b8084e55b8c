import { isLive, type Task } from '@berth/cluster';
import type { Slot } from './slots';

interface Candidate {
  slot: Slot;
  number: number;
  /** node of the slot's newest live task; '' when not placed */
  nodeId: string;
  running: boolean;
}

function candidate(slot: Slot): Candidate {
  const live = slot.filter(isLive);
  return {
    slot,
    number: slot[0].slot,
    nodeId: live.at(-1)?.nodeId ?? '',
    running: live.some((task) => task.status.state === 'running'),
  };
}

function tasksPerNode(candidates: readonly Candidate[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const { nodeId } of candidates) if (nodeId !== '') load.set(nodeId, (load.get(nodeId) ?? 0) + 1);
  return load;
}

/**
 * Which goes first: not running yet, then on the busiest node (not placed at all counts as busiest:
 * stopping it costs nothing), then the highest slot number.
 */
function compareFor(load: ReadonlyMap<string, number>) {
  const busy = (c: Candidate) => (c.nodeId === '' ? Number.MAX_SAFE_INTEGER : load.get(c.nodeId)!);
  return (a: Candidate, b: Candidate): number =>
    Number(a.running) - Number(b.running) || busy(b) - busy(a) || b.number - a.number;
}

/**
 * The `count` runnable slots to stop when a service has too many. Busiest is re-counted after
 * every pick, so the service stays spread: 3 tasks on A and 2 on B lose three as A, B, A.
 */
export function pickSurplus(slots: readonly Slot[], count: number): Slot[] {
  const remaining = slots.map(candidate);
  const load = tasksPerNode(remaining);
  const picked: Slot[] = [];
  while (picked.length < count && remaining.length > 0) {
    remaining.sort(compareFor(load));
    const next = remaining.shift()!;
    picked.push(next.slot);
    if (next.nodeId !== '') load.set(next.nodeId, load.get(next.nodeId)! - 1);
  }
  return picked;
}

/** The live tasks of the picked slots, which are to be shut down. */
export function liveTasksOf(slots: readonly Slot[]): Task[] {
  return slots.flatMap((slot) => slot.filter(isLive));
}
