/**
 * Debian's etcd (etcd-server 3.4), one member started for a test on free loopback ports with a
 * data dir of its own; stopped by the pid we started.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './registry';

export interface TestEtcd {
  endpoint: string;
  dir: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startEtcd(options: { maxTxnOps?: number } = {}): Promise<TestEtcd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-etcd-'));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const endpoint = `127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const log = fs.openSync(path.join(dir, 'etcd.log'), 'a');
  const child = spawn(
    'etcd',
    [
      '--name=test',
      `--data-dir=${dir}/data`,
      `--listen-client-urls=http://${endpoint}`,
      `--advertise-client-urls=http://${endpoint}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=test=${peer}`,
      `--max-txn-ops=${options.maxTxnOps ?? 128}`,
      '--log-level=warn',
      '--logger=zap',
    ],
    { stdio: ['ignore', log, log], detached: true },
  );
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(clientPort, child.pid!, dir);
  return {
    endpoint,
    dir,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) process.kill(child.pid!, 'SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, pid: number, dir: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    const alive = (() => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    })();
    if (!alive || Date.now() > deadline)
      throw new Error(
        `etcd did not start: ${fs.readFileSync(path.join(dir, 'etcd.log'), 'utf8').slice(-2000)}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
