/**
 * The store over TLS to an etcd that asks for client certificates, with the certificates
 * deploy/tls/etcd-certs.sh makes and the etcd flags docs/deploy.md gives Debian's etcd-server:
 * what berth-manager's --etcd-cacert, --etcd-cert and --etcd-key are for.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Store, StoreUnavailableError } from '@berth/store';
import { freePort } from '@berth/testing';

const ROOT = path.resolve(__dirname, '../..');

describe('the store over TLS to etcd (client certificates)', () => {
  let dir: string;
  let etcd: ChildProcess;
  let endpoint: string;
  const pem = (file: string) => fs.readFileSync(path.join(dir, 'pki', file));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-etcd-tls-'));
    const made = spawnSync(
      'bash',
      [path.join(ROOT, 'deploy/tls/etcd-certs.sh'), path.join(dir, 'pki'), 'm1=127.0.0.1'],
      {
        encoding: 'utf8',
      },
    );
    expect([made.status, made.stderr]).toEqual([0, expect.stringContaining('m1/server.crt')]);
    const [client, peer] = [await freePort(), await freePort()];
    endpoint = `127.0.0.1:${client}`;
    const pki = path.join(dir, 'pki');
    etcd = spawn(
      'etcd',
      [
        '--name=m1',
        `--data-dir=${path.join(dir, 'data')}`,
        `--listen-client-urls=https://${endpoint}`,
        `--advertise-client-urls=https://${endpoint}`,
        `--listen-peer-urls=https://127.0.0.1:${peer}`,
        `--initial-advertise-peer-urls=https://127.0.0.1:${peer}`,
        `--initial-cluster=m1=https://127.0.0.1:${peer}`,
        '--client-cert-auth',
        `--trusted-ca-file=${pki}/ca.crt`,
        `--cert-file=${pki}/m1/server.crt`,
        `--key-file=${pki}/m1/server.key`,
        '--peer-client-cert-auth',
        `--peer-trusted-ca-file=${pki}/ca.crt`,
        `--peer-cert-file=${pki}/m1/server.crt`,
        `--peer-key-file=${pki}/m1/server.key`,
        '--log-level=warn',
        '--logger=zap',
      ],
      { stdio: 'ignore' },
    );
  });

  afterAll(async () => {
    if (etcd && etcd.exitCode === null) {
      const gone = new Promise((r) => etcd.once('exit', r));
      etcd.kill('SIGTERM');
      await gone;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Store.connect, tried until etcd has started (it refuses the first connections while it does). */
  async function connect(tls: { ca: Buffer; cert?: Buffer; key?: Buffer }): Promise<Store> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        return await Store.connect({ endpoints: [endpoint], root: '/berth-tls-test/', tls });
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  it('should write and read through TLS with the managers client certificate', async () => {
    const store = await connect({
      ca: pem('ca.crt'),
      cert: pem('client/berth-manager.crt'),
      key: pem('client/berth-manager.key'),
    });
    try {
      await store.client.put('/berth-tls-test/probe').value('over tls');
      expect(await store.client.get('/berth-tls-test/probe').string()).toBe('over tls');
    } finally {
      store.close();
    }
  });

  it('should be refused without a client certificate, naming the endpoint', async () => {
    // started by the test before: the server answers, and refuses the handshake
    const error = await Store.connect({ endpoints: [endpoint], tls: { ca: pem('ca.crt') } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(endpoint);
  });

  it('should be refused over plain http', async () => {
    const error = await Store.connect({ endpoints: [endpoint] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
  });
});
