/**
 * Whether this engine may answer a swarm endpoint, decided as dockerd decides it: only a
 * manager's engine forwards them (to the manager beside it); any other answers 503 with
 * dockerd's own words. Pure.
 */
import type { NodeRole } from '@berth/cluster';
import { Status } from '@berth/proto';
import { EngineError } from '../../errors';

/** dockerd's words when the engine is in no swarm (errNoSwarm). */
export const NO_SWARM =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

/** dockerd's words on a worker (errSwarmNotManager). */
export const NOT_MANAGER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

/** A swarm endpoint this engine cannot serve: 503, as dockerd answers it. */
export class NotSwarmManagerError extends EngineError {
  constructor(message: string) {
    super(message, Status.UNAVAILABLE);
  }
}

/**
 * Why a swarm endpoint is refused here, or null when it is forwarded: ROLE is this machine's
 * role as its membership says (null: in no cluster); ANSWERED whether the manager beside the
 * engine answered (unknown before it is asked: true). A manager node whose manager does not
 * answer says so, with the socket it tried.
 */
export function swarmRefusal(role: NodeRole | null, answered: boolean, socket: string): string | null {
  if (role === null) return NO_SWARM;
  if (role === 'worker') return NOT_MANAGER;
  if (answered) return null;
  return `This node is a swarm manager, but the manager beside its engine does not answer at ${socket}: start berth-manager there, or run this command on another manager node.`;
}
