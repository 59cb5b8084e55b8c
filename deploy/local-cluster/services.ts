/**
 * etcd and Redis for a cluster, each with a directory of its own and stopped
 * by the pid we started: on loopback for tests that need only them; in the
 * local cluster, an etcd member in each manager machine's network namespace
 * and Redis on the fabric's gateway. Spawning is split from waiting so a
 * caller can record the pid before anything can fail.
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
  /** the address it listens on (default 127.0.0.1) */
  host?: string;
  /** runs inside this network namespace (a local-cluster machine's) */
  netns?: string;
  /** this member's name and every member's (name=peer URL, …); default: a cluster of one */
  member?: { name: string; initialCluster: string };
  /** --quota-backend-bytes: how large its database may grow; default etcd's own (2 GiB) */
  quotaBackendBytes?: number;
}

export interface RedisOptions {
  /** Made if missing; Redis keeps nothing on disk (no RDB, no AOF) but runs there; log in DIR/redis.log. */
  dir: string;
  port?: number;
  /** the address it listens on (default 127.0.0.1) */
  host?: string;
}

/** A running service, for callers that do not keep a state file (tests). */
export interface ServiceHandle extends ServiceRecord {
  pid: number;
  stop(): Promise<void>;
}

/** [host, port] of host:port or redis://host:port. */
function hostPortOf(endpoint: string): [string, number] {
  const hostPort = endpoint.replace(/^[a-z]+:\/\//, '');
  const colon = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, colon), Number(hostPort.slice(colon + 1))];
}

/** etcd's peer URL at HOST:PORT. */
export const etcdPeerUrl = (host: string, port = 2380): string => `http://${host}:${port}`;

/** Debian's etcd (3.4): a member of OPTIONS.member's cluster, or alone on 127.0.0.1. */
export async function spawnEtcd(options: EtcdOptions): Promise<ServiceRecord> {
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const host = options.host ?? '127.0.0.1';
  const clientPort = options.clientPort ?? (await freePort());
  const peerPort = options.peerPort ?? (await freePort());
  const endpoint = `${host}:${clientPort}`;
  const peer = etcdPeerUrl(host, peerPort);
  const member = options.member ?? { name: 'berth', initialCluster: `berth=${peer}` };
  const args = [
    `--name=${member.name}`,
    `--data-dir=${path.join(options.dir, 'data')}`,
    `--listen-client-urls=http://${endpoint}`,
    `--advertise-client-urls=http://${endpoint}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=${member.initialCluster}`,
    `--max-txn-ops=${options.maxTxnOps ?? 128}`,
    '--log-level=warn',
    '--logger=zap',
    ...(options.quotaBackendBytes ? [`--quota-backend-bytes=${options.quotaBackendBytes}`] : []),
  ];
  const record = { endpoint, dir: options.dir, peer };
  const started = { log: path.join(options.dir, 'etcd.log'), marker: options.dir };
  return options.netns
    ? spawnService('nsenter', [`--net=/run/netns/${options.netns}`, '--', 'etcd', ...args], record, started)
    : spawnService('etcd', args, record, started);
}

/** Starts PROGRAM recorded, with its command line (so it can be started again the same way). */
function spawnService(
  program: string,
  args: string[],
  record: Omit<ServiceRecord, 'process' | 'command'>,
  options: { log: string; marker: string },
): ServiceRecord {
  return { ...record, command: [program, ...args], process: spawnRecorded(program, args, options) };
}

/** The service of RECORD started again as it was (on its data and ports), after a fault test stopped it. */
export function respawnService(record: ServiceRecord): ServiceRecord {
  if (!record.command || !record.process) throw new Error(`no command is recorded for ${record.endpoint}`);
  const [program, ...args] = record.command;
  return spawnService(program, args, record, record.process);
}

/** redis-server on 127.0.0.1 (or OPTIONS.host), persisting nothing. */
export async function spawnRedis(options: RedisOptions): Promise<ServiceRecord> {
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const port = options.port ?? (await freePort());
  const host = options.host ?? '127.0.0.1';
  const args = ['--port', String(port), '--bind', host, '--save', '', '--appendonly', 'no'];
  // bound to the fabric's gateway, it serves the machines (its own, on this host) without a password
  if (host !== '127.0.0.1') args.push('--protected-mode', 'no');
  args.push('--dir', options.dir, '--daemonize', 'no');
  const record = { endpoint: `redis://${host}:${port}`, dir: options.dir };
  // Redis soon rewrites its command line to "redis-server HOST:PORT": only its name stays in it
  return spawnService('redis-server', args, record, {
    log: path.join(options.dir, 'redis.log'),
    marker: 'redis-server',
  });
}

/** Waits until the service's port answers; throws with its log when it exits first. */
export async function serviceReady(what: string, service: ServiceRecord): Promise<void> {
  const [host, port] = hostPortOf(service.endpoint);
  await waitUntilServing(what, service.process!, () => tcpPortAnswers(host, port), 15_000);
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
