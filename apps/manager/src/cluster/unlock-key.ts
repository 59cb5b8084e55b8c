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
