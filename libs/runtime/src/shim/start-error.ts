import { ContainerStartError } from '../errors';
import type { ShimEvent } from './protocol';

/** The shim said something other than what was awaited: its error, or an unexpected event. */
export function startError(id: string, event: ShimEvent): ContainerStartError {
  if (event.kind === 'error') return new ContainerStartError(id, event.message, event.exitCode);
  return new ContainerStartError(
    id,
    `the process ended before it started (shim reported "${event.kind}")`,
    1,
  );
}
