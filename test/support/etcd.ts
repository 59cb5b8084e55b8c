/**
 * Debian's etcd (etcd-server 3.4), one member started for a test on free loopback ports with a
 * data dir of its own; stopped by the pid we started. The spawning is the local cluster's
 * (deploy/local-cluster/services.ts), so tests and `npm run up` run etcd the same way.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEtcd as startEtcdService } from '../../deploy/local-cluster/services';

export interface TestEtcd {
  endpoint: string;
  dir: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startEtcd(options: { maxTxnOps?: number } = {}): Promise<TestEtcd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-etcd-'));
  const etcd = await startEtcdService({ dir, maxTxnOps: options.maxTxnOps, removeDir: true });
  return { endpoint: etcd.endpoint, dir, pid: etcd.pid, stop: () => etcd.stop() };
}
