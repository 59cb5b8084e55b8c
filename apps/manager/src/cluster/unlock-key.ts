import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The key that seals the cluster CA's private key in etcd, kept on the manager's disk (root
 * only), so etcd alone does not give the CA away. Made at init; every manager needs the same.
 */
export function readUnlockKey(stateDir: string): string | null {
  try {
    return fs.readFileSync(path.join(stateDir, 'unlock.key'), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function createUnlockKey(stateDir: string): string {
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(path.join(stateDir, 'unlock.key'), `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * Keeps KEY, given by the agent beside this manager (it had it from the cluster, over its
 * session): a manager that did not make the cluster gets it this way when its machine joins as a
 * manager or is promoted. A different key already kept means another cluster's manager.
 */
export function keepUnlockKey(stateDir: string, key: string): 'kept' | 'same' | 'different' {
  const held = readUnlockKey(stateDir);
  if (held !== null) return held === key.trim() ? 'same' : 'different';
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(stateDir, 'unlock.key'), `${key.trim()}\n`, { mode: 0o600, flag: 'wx' });
  return 'kept';
}

/** `<state-dir>/node-id`: the node this manager is a role of, as the agent beside it said. */
export function readOwnNodeId(stateDir: string): string | null {
  try {
    return fs.readFileSync(path.join(stateDir, 'node-id'), 'utf8').trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function writeOwnNodeId(stateDir: string, nodeId: string): void {
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const tmp = path.join(stateDir, '.node-id.tmp');
  fs.writeFileSync(tmp, `${nodeId}\n`, { mode: 0o600 });
  fs.renameSync(tmp, path.join(stateDir, 'node-id'));
}
