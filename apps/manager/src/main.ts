/**
 * berth-manager: the control plane. Keeps every object in etcd, serves the cluster API, and, when
 * elected leader, runs the dispatcher and the control loops.
 */
import 'reflect-metadata';
import * as os from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { LogLevel } from '@nestjs/common';
import { StoreUnavailableError } from '@berth/store';
import { ManagerModule } from './manager.module';
import {
  MANAGER_USAGE,
  ManagerConfigError,
  parseManagerFlags,
  resolveAdvertiseAddr,
  type ManagerConfig,
} from './config';
import { ServerService } from './api/server.service';

const LEVELS: Record<ManagerConfig['logLevel'], LogLevel[]> = {
  debug: ['error', 'warn', 'log', 'debug'],
  info: ['error', 'warn', 'log'],
  warn: ['error', 'warn'],
  error: ['error'],
};

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
  const parsed = parseManagerFlags(argv);
  const config = { ...parsed, advertiseAddr: resolveAdvertiseAddr(parsed, hostAddresses()) };
  const app = await NestFactory.createApplicationContext(ManagerModule.forRoot(config), {
    logger: LEVELS[config.logLevel],
    abortOnError: false,
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.get(ServerService).listen();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof ManagerConfigError || error instanceof StoreUnavailableError;
  process.stderr.write(
    `berth-manager: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`,
  );
  process.exit(1);
});
