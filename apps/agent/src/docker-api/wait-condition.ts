/**
 * `POST /containers/{id}/wait`: until the container is not running (the default), until its
 * next exit (`docker run` asks before it starts the container), or until it is removed (`--rm`).
 * The answer is the exit code of the last run that ended.
 */
import { InvalidArgumentError } from '../errors';
import type { EngineEvent } from '../events/events.service';
import { isRunning, type ContainerRecord } from '../containers/model';

export type WaitCondition = 'not-running' | 'next-exit' | 'removed';

const CONDITIONS: readonly WaitCondition[] = ['not-running', 'next-exit', 'removed'];

export function parseWaitCondition(text: string | undefined): WaitCondition {
  if (!text) return 'not-running';
  if (!(CONDITIONS as readonly string[]).includes(text))
    throw new InvalidArgumentError(`invalid condition: "${text}": use not-running, next-exit or removed`);
  return text as WaitCondition;
}

/** What a waiter knows when it starts: done already, or waiting with the exit code so far. */
export interface WaitState {
  done: boolean;
  exitCode: number;
}

/** Pure: where a wait for CONDITION on C starts. */
export function waitStart(c: Pick<ContainerRecord, 'state'>, condition: WaitCondition): WaitState {
  const running = isRunning(c) || c.state.status === 'restarting';
  return { done: condition === 'not-running' && !running, exitCode: c.state.exitCode };
}

/** Pure: the wait after container event E (one of the waited container's). */
export function waitStep(
  state: WaitState,
  e: Pick<EngineEvent, 'action' | 'attributes'>,
  condition: WaitCondition,
): WaitState {
  if (e.action === 'die') {
    const exitCode = Number(e.attributes.exitCode ?? state.exitCode);
    return { done: condition !== 'removed', exitCode };
  }
  if (e.action === 'destroy') return { done: true, exitCode: state.exitCode };
  return state;
}

/**
 * Resolves with the exit code when C meets CONDITION, or null when SIGNAL aborts first.
 * Listens from now on: call it while C exists.
 */
export function waitFor(
  c: ContainerRecord,
  condition: WaitCondition,
  events: { on(listener: (e: EngineEvent) => void): () => void },
  signal: AbortSignal,
): Promise<number | null> {
  let state = waitStart(c, condition);
  if (state.done) return Promise.resolve(state.exitCode);
  return new Promise((resolve) => {
    const finish = (code: number | null) => {
      off();
      signal.removeEventListener('abort', aborted);
      resolve(code);
    };
    const aborted = () => finish(null);
    const off = events.on((e) => {
      if (e.type !== 'container' || e.id !== c.id) return;
      state = waitStep(state, e, condition);
      if (state.done) finish(state.exitCode);
    });
    signal.addEventListener('abort', aborted);
  });
}
