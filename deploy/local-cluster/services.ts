/**
 * etcd and Redis for a cluster, on loopback ports only, each with a
 * directory of its own and stopped by the pid we started. Spawning is split
 * from waiting so a caller can record the pid before anything can fail.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort, spawnRecorded, stopRecorded, tcpPortAnswers, waitUntilServing } from './processes';
import type { ServiceRecord } from './state';

export interface EtcdOptions {
  /** Made if missing; etcd's data goes to DIR/data, its log to DIR/etcd.log. */
  dir: string;
  clientPort?: number;
  peerPort?: number;
  maxTxnOps?: number;
}

export interface RedisOptions {
  /** Made if missing; Redis keeps nothing on disk (no RDB, no AOF) but runs there; log in DIR/redis.log. */
  dir: string;
  port?: number;
}

/** A running service, for callers that do not keep a state file (tests). */
export interface ServiceHandle extends ServiceRecord {
  pid: number;
  stop(): Promise<void>;
}

const portOf = (endpoint: string): number => Number(endpoint.split(':').pop());

/** Debian's etcd (3.4): one member on 127.0.0.1. */
export async function spawnEtcd(options: EtcdOptions): Promise<ServiceRecord> {
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const clientPort = options.clientPort ?? (await freePort());
  const peerPort = options.peerPort ?? (await freePort());
  const endpoint = `127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const args = [
    '--name=berth',
    `--data-dir=${path.join(options.dir, 'data')}`,
    `--listen-client-urls=http://${endpoint}`,
    `--advertise-client-urls=http://${endpoint}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=berth=${peer}`,
    `--max-txn-ops=${options.maxTxnOps ?? 128}`,
    '--log-level=warn',
    '--logger=zap',
  ];
  const log = path.join(options.dir, 'etcd.log');
  return {
    endpoint,
    dir: options.dir,
    peer,
    process: spawnRecorded('etcd', args, { log, marker: options.dir }),
  };
}

/** The etcd of RECORD started again on its data and ports (after a fault test stopped it). */
export async function respawnEtcd(record: ServiceRecord): Promise<ServiceRecord> {
  return spawnEtcd({
    dir: record.dir,
    clientPort: portOf(record.endpoint),
    peerPort: record.peer ? portOf(record.peer) : undefined,
  });
}

/** The Redis of RECORD started again on its port (empty: it keeps nothing), after a fault test stopped it. */
export async function respawnRedis(record: ServiceRecord): Promise<ServiceRecord> {
  return spawnRedis({ dir: record.dir, port: portOf(record.endpoint) });
}

/** redis-server on 127.0.0.1, persisting nothing. */
export async function spawnRedis(options: RedisOptions): Promise<ServiceRecord> {
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--dir', options.dir, '--daemonize', 'no');
  const log = path.join(options.dir, 'redis.log');
  // Redis soon rewrites its command line to "redis-server 127.0.0.1:PORT": only its name stays in it
  const record = spawnRecorded('redis-server', args, { log, marker: 'redis-server' });
  return { endpoint: `redis://127.0.0.1:${port}`, dir: options.dir, process: record };
}

/** Waits until the service's port answers; throws with its log when it exits first. */
export async function serviceReady(what: string, service: ServiceRecord): Promise<void> {
  const port = portOf(service.endpoint);
  await waitUntilServing(what, service.process!, () => tcpPortAnswers('127.0.0.1', port), 15_000);
}

export async function stopService(service: ServiceRecord): Promise<boolean> {
  return stopRecorded(service.process);
}

/** A handle once SERVICE answers; when it does not, it is stopped (and its dir removed with REMOVE_DIR). */
async function ready(what: string, service: ServiceRecord, removeDir: boolean): Promise<ServiceHandle> {
  const stop = async () => {
    await stopService(service);
    if (removeDir) fs.rmSync(service.dir, { recursive: true, force: true });
  };
  await serviceReady(what, service).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { ...service, pid: service.process!.pid, stop };
}

/** etcd, started and answering; stop() ends it and (with removeDir) deletes its directory. */
export async function startEtcd(options: EtcdOptions & { removeDir?: boolean }): Promise<ServiceHandle> {
  const service = await spawnEtcd(options);
  return ready('etcd', service, options.removeDir ?? false);
}

export async function startRedis(options: RedisOptions & { removeDir?: boolean }): Promise<ServiceHandle> {
  const service = await spawnRedis(options);
  return ready('redis-server', service, options.removeDir ?? false);
}
