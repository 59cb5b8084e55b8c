/**
 * How the CLI reaches a cluster: contexts saved by `berth cluster init` (the manager's address
 * and an admin certificate), the current one named in <config>/current-context, chosen with
 * `berth context use`, --context or BERTH_CONTEXT. Before a cluster exists, `cluster init`
 * talks to the manager's local socket.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLUSTER_SERVICE, FailoverClient, GrpcClient } from '@berth/proto';
import { closeAtExit, type Globals } from './context';

export interface ClusterContext {
  name: string;
  managerAddr: string;
  /** every manager's address: the CLI moves to the next when one cannot be reached */
  managers?: string[];
  /** when `managers` was last asked of the cluster (ms since the epoch) */
  managersCheckedAt?: number;
  caPem: string;
  certPem: string;
  keyPem: string;
}

export const DEFAULT_MANAGER_SOCKET = '/run/berth/manager.sock';

const MANAGER_NAME = {
  what: 'the Berth manager',
  hint: 'Is berth-manager running? (start it with bin/berth-manager, or choose another context with `berth context use`)',
};

export function configDir(g: Globals): string {
  return g.configDir ?? path.join(os.homedir(), '.berth');
}

function contextsDir(g: Globals): string {
  return path.join(configDir(g), 'contexts');
}

export function saveContext(g: Globals, context: ClusterContext, makeCurrent: boolean): void {
  fs.mkdirSync(contextsDir(g), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(contextsDir(g), `${context.name}.json`), JSON.stringify(context, null, 2), {
    mode: 0o600,
  });
  if (makeCurrent) useContext(g, context.name);
}

export function listContexts(g: Globals): ClusterContext[] {
  let files: string[];
  try {
    files = fs.readdirSync(contextsDir(g)).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.map(
    (f) => JSON.parse(fs.readFileSync(path.join(contextsDir(g), f), 'utf8')) as ClusterContext,
  );
}

export function currentContextName(g: Globals): string | null {
  if (g.context) return g.context;
  if (process.env.BERTH_CONTEXT) return process.env.BERTH_CONTEXT;
  try {
    return fs.readFileSync(path.join(configDir(g), 'current-context'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function useContext(g: Globals, name: string): void {
  if (!listContexts(g).some((c) => c.name === name))
    throw new Error(`context "${name}" does not exist (see \`berth context ls\`)`);
  fs.mkdirSync(configDir(g), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(configDir(g), 'current-context'), `${name}\n`);
}

export function removeContext(g: Globals, name: string): void {
  fs.rmSync(path.join(contextsDir(g), `${name}.json`));
  if (currentContextName(g) === name) fs.rmSync(path.join(configDir(g), 'current-context'), { force: true });
}

/** What the CLI calls the cluster through: a manager, or one of several. */
type ManagerClient = Pick<
  GrpcClient<typeof CLUSTER_SERVICE>,
  'call' | 'stream' | 'duplex' | 'where' | 'close'
>;

let client: ManagerClient | null = null;

/** The managers of the current context, over TLS with the context's certificate. */
export function manager(g: Globals): ManagerClient {
  if (client) return client;
  const name = currentContextName(g);
  if (!name)
    throw new Error(
      'no cluster context: run `berth cluster init` on a manager, or choose one with `berth context use NAME`',
    );
  const context = listContexts(g).find((c) => c.name === name);
  if (!context) throw new Error(`context "${name}" does not exist (see \`berth context ls\`)`);
  const tls = { ca: context.caPem, cert: context.certPem, key: context.keyPem };
  const addresses = [...new Set([context.managerAddr, ...(context.managers ?? [])])];
  client = new FailoverClient(
    CLUSTER_SERVICE,
    addresses.map((address) => ({ address, tls })),
    MANAGER_NAME,
  );
  // a context that knows one manager (a cluster just made, whose other managers joined later)
  // asks at every command: with that one gone it would have nowhere else to go
  if (addresses.length < 2 || Date.now() - (context.managersCheckedAt ?? 0) > MANAGERS_FRESH_MS) {
    // beside the command's own call, on the same connection; finished before the connection closes
    const refreshed = refreshManagers(g, context, client);
    closeAtExit(() => refreshed);
  }
  closeAtExit(closeManager);
  return client;
}

/** How long the managers' addresses in a context are trusted before the cluster is asked again. */
const MANAGERS_FRESH_MS = 60_000;

/** Asks the cluster for every manager's address and keeps them in CONTEXT; a failure changes nothing. */
async function refreshManagers(g: Globals, context: ClusterContext, via: ManagerClient): Promise<void> {
  try {
    const { addresses } = await via.call('ListManagers', { filters: {} });
    if (!addresses.length) return;
    saveContext(g, { ...context, managers: [...addresses], managersCheckedAt: Date.now() }, false);
  } catch {
    // an older manager, or none answering: the command itself says so
  }
}

/** The manager's local socket (root only), for `cluster init` on the manager's machine. */
export function localManager(socket: string): ManagerClient {
  client = new GrpcClient(CLUSTER_SERVICE, { socket }, MANAGER_NAME);
  closeAtExit(closeManager);
  return client;
}

export async function closeManager(): Promise<void> {
  const open = client;
  client = null;
  await open?.close();
}
