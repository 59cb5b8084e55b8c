/**
 * The docker clients that tests drive Berth's Docker API with: the one on the PATH (docker 28 on
 * these machines) and Debian's docker.io (20.10, API 1.41), which scripts/setup.sh installs,
 * found first on a PATH of /usr/bin.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';

export interface DockerClient {
  name: string;
  /** runs `docker ARGS` against SOCKET (not named `run`: the host-programs check reads that as a program), with INPUT on its stdin */
  cli(args: string[], options?: { input?: string; timeoutMs?: number }): SpawnSyncReturns<string>;
  /** starts `docker ARGS` in the background (killed by the caller, by PID) */
  start(args: string[]): ReturnType<typeof spawn>;
  env: NodeJS.ProcessEnv;
}

export const DOCKER_CLIENTS: { name: string; env: NodeJS.ProcessEnv }[] = [
  { name: 'docker on the PATH', env: {} },
  { name: "Debian's docker.io", env: { PATH: '/usr/bin:/bin' } },
];

/** A client of NAME/ENV (one of DOCKER_CLIENTS) against SOCKET, keeping its config under STATE_DIR. */
export function dockerClient(
  client: { name: string; env: NodeJS.ProcessEnv },
  socket: string,
  stateDir: string,
): DockerClient {
  const env = {
    ...process.env,
    DOCKER_HOST: `unix://${socket}`,
    DOCKER_CONFIG: path.join(stateDir, 'docker-config'),
    DOCKER_CLI_HINTS: 'false',
    ...client.env,
  };
  return {
    name: client.name,
    env,
    cli: (args, options = {}) =>
      spawnSync('docker', args, {
        encoding: 'utf8',
        env,
        input: options.input ?? '',
        timeout: options.timeoutMs ?? 60000,
      }),
    start: (args) => spawn('docker', args, { env, stdio: ['ignore', 'pipe', 'pipe'] }),
  };
}
