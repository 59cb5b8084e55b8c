import { RpcError } from '@berth/proto/status';
import { daemonMessage, ExitError } from '../context';

/** Engine errors of a run: the container's own exit code when it could not start its command. */
export function runFailure(error: unknown): never {
  if (error instanceof RpcError) {
    const code =
      error.kind === 'ContainerStartError' && (error.detailCode === 126 || error.detailCode === 127)
        ? error.detailCode
        : 125;
    throw new ExitError(
      `berth: ${daemonMessage(error)}${code === 125 ? "\nSee 'berth run --help'." : ''}`,
      code,
    );
  }
  throw error;
}
