/**
 * Live restore, decided: what a new agent does with each container the last one left, given what
 * the runtime still knows of it. Containers outlive the agent; pure.
 */
import type { ExitInfo } from '@berth/runtime';
import type { ContainerRecord } from './model';

/** The runtime's word on a container: its status and, once ended, how. Null: no trace (a reboot). */
export type RuntimeTrace = { status: string; exit: ExitInfo | null } | null;

export type RestoreStep =
  /** it was being removed: finish that */
  | { kind: 'finish-removal' }
  /** readied by the last agent, not started: undo that, the new agent knows nothing of it */
  | { kind: 'unready' }
  /** still running (or paused): watch it again */
  | { kind: 'adopt'; status: 'running' | 'paused' }
  /** it ended while no agent watched: handle that exit now, restart policy included */
  | { kind: 'handle-exit'; exit: ExitInfo }
  /** stopped, with a policy that restarts it when the engine starts */
  | { kind: 'start' }
  | { kind: 'none' };

export function restoreStep(
  c: Pick<ContainerRecord, 'state' | 'hostConfig' | 'manuallyStopped'>,
  trace: RuntimeTrace,
  now: Date,
): RestoreStep {
  const status = c.state.status;
  if (status === 'removing') return { kind: 'finish-removal' };
  if (trace?.status === 'running' || trace?.status === 'paused')
    return { kind: 'adopt', status: trace.status };
  if (status === 'created') return { kind: 'unready' };
  if (status === 'running' || status === 'paused' || status === 'restarting')
    return {
      kind: 'handle-exit',
      exit: trace?.exit ?? { exitCode: 255, signal: 0, finishedAt: now, oomKilled: false },
    };
  // a daemon start restarts `always` containers even if stopped by hand, `unless-stopped` ones only if not
  const policy = c.hostConfig.restart.name;
  if (status === 'exited' && (policy === 'always' || (policy === 'unless-stopped' && !c.manuallyStopped)))
    return { kind: 'start' };
  return { kind: 'none' };
}
