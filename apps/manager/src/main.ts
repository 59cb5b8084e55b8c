/**
 * berth-manager: the control plane. Keeps every object in etcd, serves the cluster API, and, when
 * elected leader, runs the dispatcher and the control loops.
 */
import 'reflect-metadata';
import * as os from 'node:os';
import { NestFactory } from '@nestjs/core';
import { createLogger, NestLogger, type Logger } from '@berth/logging';
import { MetricsListenError } from '@berth/metrics';
import { StoreUnavailableError } from '@berth/store';
import { ManagerModule } from './manager.module';
import { MANAGER_USAGE, ManagerConfigError, parseManagerFlags, resolveAdvertiseAddr } from './config';
import { ServerService } from './api/server.service';

/** once made: the end of the process is said through it too */
let logger: Logger | null = null;

/** how long a stop may take before the manager exits regardless */
const STOP_WITHIN_MS = 10_000;

function hostAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a?.family === 'IPv4')
    .map((a) => a!.address);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(MANAGER_USAGE);
    return;
  }
  const parsed = parseManagerFlags(argv, process.env);
  const config = { ...parsed, advertiseAddr: resolveAdvertiseAddr(parsed, hostAddresses()) };
  const log = (logger = createLogger({ program: 'berth-manager', level: config.logLevel }));
  const app = await NestFactory.createApplicationContext(ManagerModule.forRoot(config), {
    logger: new NestLogger(log),
    abortOnError: false,
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  // a clean stop talks to etcd and Redis (resign, close the rollout worker); with either away it
  // could wait forever, and a supervisor's stop must end the process
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () =>
      setTimeout(() => {
        log.error(
          { component: 'main' },
          `still stopping ${STOP_WITHIN_MS / 1000} s after ${signal}; exiting`,
        );
        process.exit(1);
      }, STOP_WITHIN_MS).unref(),
    );
  await app.get(ServerService).listen();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof ManagerConfigError ||
    error instanceof StoreUnavailableError ||
    error instanceof MetricsListenError;
  const message = known ? (error as Error).message : ((error as Error).stack ?? String(error));
  if (logger) logger.fatal({ component: 'main', err: error }, `stopped: ${(error as Error).message}`);
  else process.stderr.write(`berth-manager: ${message}\n`);
  process.exit(1);
});
