/**
 * berthd: the engine daemon. Flags as dockerd's (see config.ts). Containers
 * outlive it: stopping berthd (or killing it) leaves them running, and the
 * next berthd on the same roots picks them up before it serves the API.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { createLogger, NestLogger, type Logger } from '@berth/logging';
import { MetricsListenError } from '@berth/metrics';
import { AgentModule } from './agent.module';
import { ConfigError, parseAgentFlags, type AgentConfig } from './config';
import { GrpcService, SocketInUseError } from './grpc/grpc.service';
import { serveDockerApi } from './docker-api/docker-api.server';

/** One daemon per exec root: the pid file says who holds it. */
function claimExecRoot(config: AgentConfig): () => void {
  fs.mkdirSync(config.execRoot, { recursive: true, mode: 0o700 });
  const pidFile = path.join(config.execRoot, 'berthd.pid');
  const other = Number(fs.readFileSync(pidFile, { encoding: 'utf8', flag: 'a+' }).trim());
  if (other && other !== process.pid) {
    let alive = false;
    try {
      alive = fs.readFileSync(`/proc/${other}/cmdline`, 'utf8').includes('berthd');
    } catch {
      // gone
    }
    if (alive)
      throw new SocketInUseError(
        `berthd (pid ${other}) already runs on ${config.execRoot}; give this one its own --exec-root`,
      );
  }
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  return () => fs.rmSync(pidFile, { force: true });
}

const USAGE = `Usage: berthd [OPTIONS]

The Berth engine: serves the engine API on a unix socket; containers outlive it.

Options:
  --data-root DIR          images, containers, volumes, networks (default /var/lib/berth)
  --exec-root DIR          the socket and the executor's state (default /run/berth)
  -H, --host unix://PATH   the socket to serve (default <exec-root>/berth.sock)
  -b, --bridge NAME        the default bridge network's device (default berth0)
  --bip CIDR               the default bridge network's subnet (default 10.88.0.0/16)
  --network-pool CIDR      where user networks get their /24s (default 10.89.0.0/16)
  --cgroup-parent NAME     the cgroup every container goes under (default berth)
  --insecure-registry HOST reach HOST over plain HTTP (loopback registries always are)
  --dns IP                 resolvers for names the engine does not know (default: the host's)
  --label KEY=VALUE        an engine label (placement constraints: engine.labels.KEY)
  --docker-socket PATH     where the Docker Engine API is served, root only (default
                           <exec-root>/docker.sock; '' serves none)
  --manager-socket PATH    the local socket of the berth-manager beside this engine, which
                           'berth cluster init' makes the cluster on (default
                           <exec-root>/manager.sock)
  -l, --log-level LEVEL    debug, info, warn or error (default info, or BERTH_LOG_LEVEL)
  --metrics-addr HOST:PORT serve Prometheus metrics at http://HOST:PORT/metrics (default: none)

Logs go to stdout: JSON lines (level, time, msg, component, container, task, service, node)
when it is a file or a pipe, readable lines when it is a terminal.
`;

/** once made: the end of the process is said through it too */
let logger: Logger | null = null;

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const config = parseAgentFlags(argv, process.env);
  const release = claimExecRoot(config);
  logger = createLogger({ program: 'berthd', level: config.logLevel });
  const nestLogger = new NestLogger(logger);
  const app = await NestFactory.createApplicationContext(AgentModule.forRoot(config), {
    logger: nestLogger,
    abortOnError: false,
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  process.once('exit', release);
  // the Docker API first: once the engine's own socket answers, both do
  if (config.dockerSocket) {
    await serveDockerApi(app, config.dockerSocket, nestLogger);
    // its server ends with the process; the socket file must not outlive it
    process.once('exit', () => fs.rmSync(config.dockerSocket, { force: true }));
  }
  await app.get(GrpcService).listen();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof SocketInUseError || error instanceof MetricsListenError
      ? (error as Error).message
      : ((error as Error).stack ?? String(error));
  if (logger) logger.fatal({ component: 'main', err: error }, `stopped: ${(error as Error).message}`);
  else process.stderr.write(`berthd: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
