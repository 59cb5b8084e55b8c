import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { ClusterCa, createClusterCa } from './ca';
import { issueServerCertificate, IssuedCertificate, signNodeCertificate } from './certificates';
import { createKeyAndCsr } from './csr';
import { NodeIdentity, readIdentityFromDer } from './identity';

// The certificates checked against real TLS stacks: Node's (OpenSSL inside) on loopback, and
// the openssl command line (scripts/setup.sh installs it).

/** A node's credentials as a joining agent ends up with them: its own key, a signed cert. */
async function joinAs(ca: ClusterCa, clusterId: string, nodeId: string): Promise<IssuedCertificate> {
  const { keyPem, csrPem } = await createKeyAndCsr(nodeId);
  const certPem = await signNodeCertificate(ca, csrPem, { nodeId, role: 'worker', clusterId });
  return { keyPem, certPem };
}

type Outcome = { accepted: true; reply: string; server: NodeIdentity } | { accepted: false; error: string };

/** A manager-like listener: mutual TLS against the cluster CA, answering with who called. */
class Manager {
  /** Everyone who got past the handshake. */
  readonly callers: NodeIdentity[] = [];
  /** Handshakes the server refused; Node reports an untrusted certificate only as a reset. */
  readonly refusals: string[] = [];
  private readonly server: tls.Server;

  constructor(ca: ClusterCa, identity: IssuedCertificate) {
    const options = { key: identity.keyPem, cert: identity.certPem, ca: ca.certPem };
    this.server = tls.createServer({ ...options, requestCert: true, rejectUnauthorized: true }, (socket) => {
      const caller = readIdentityFromDer(socket.getPeerCertificate().raw);
      this.callers.push(caller);
      socket.end(JSON.stringify(caller));
    });
    this.server.on('tlsClientError', (err) => this.refusals.push(err.message));
  }

  listen(): Promise<number> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port)),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Connects like an agent: trusts only the cluster CA and checks the server's IP SAN. */
function call(port: number, ca: ClusterCa, identity?: IssuedCertificate): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: '127.0.0.1',
      port,
      ca: ca.certPem,
      ...(identity ? { key: identity.keyPem, cert: identity.certPem } : {}),
    });
    let reply = '';
    let server: NodeIdentity | undefined;
    socket.on('secureConnect', () => (server = readIdentityFromDer(socket.getPeerCertificate().raw)));
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('error', (err) => resolve({ accepted: false, error: err.message }));
    socket.on('close', () =>
      resolve(reply && server ? { accepted: true, reply, server } : { accepted: false, error: 'closed' }),
    );
  });
}

// The client may see the connection end before the server has reported why.
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
}

describe('cluster certificates over TLS', () => {
  let ca: ClusterCa;
  let manager: Manager;
  let managerIdentity: IssuedCertificate;
  let worker: IssuedCertificate;
  let foreigner: IssuedCertificate;
  let port: number;

  beforeAll(async () => {
    const otherCa = await createClusterCa('cluster-b');
    ca = await createClusterCa('cluster-a');
    [managerIdentity, worker, foreigner] = await Promise.all([
      issueServerCertificate(ca, { commonName: 'm1', dns: ['localhost'], ips: [] }),
      joinAs(ca, 'cluster-a', 'w1'),
      joinAs(otherCa, 'cluster-b', 'w1'),
    ]);
    manager = new Manager(ca, managerIdentity);
    port = await manager.listen();
  });

  afterAll(() => manager.close());

  describe('Node tls', () => {
    it('should accept a worker of the cluster and read its identity from the peer certificate', async () => {
      const outcome = await call(port, ca, worker);
      expect(outcome).toMatchObject({ accepted: true, server: { nodeId: 'm1', role: 'manager' } });
      const caller = outcome.accepted ? JSON.parse(outcome.reply) : undefined;
      expect(caller).toMatchObject({ nodeId: 'w1', role: 'worker', clusterId: 'cluster-a' });
    });

    it('should refuse a worker whose certificate comes from another cluster', async () => {
      const [callers, refusals] = [manager.callers.length, manager.refusals.length];
      expect(await call(port, ca, foreigner)).toMatchObject({ accepted: false });
      await waitFor(() => manager.refusals.length > refusals);
      expect(manager.callers.length).toBe(callers);
    });

    it('should refuse a client without a certificate', async () => {
      const [callers, refusals] = [manager.callers.length, manager.refusals.length];
      expect(await call(port, ca)).toMatchObject({
        accepted: false,
        error: expect.stringMatching(/certificate required/),
      });
      await waitFor(() => manager.refusals.length > refusals);
      expect(manager.refusals.at(-1)).toMatch(/peer did not return a certificate/);
      expect(manager.callers.length).toBe(callers);
    });
  });

  describe('openssl', () => {
    let dir: string;
    const file = (name: string, pem: string) => {
      const path = join(dir, name);
      writeFileSync(path, pem);
      return path;
    };
    const run = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: 'pipe' });

    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'berth-trust-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('should verify worker and manager certificates for their purposes', () => {
      const caFile = file('ca.pem', ca.certPem);
      const workerFile = file('worker.pem', worker.certPem);
      const managerFile = file('manager.pem', managerIdentity.certPem);
      expect(run('verify', '-CAfile', caFile, '-purpose', 'sslclient', workerFile)).toContain('OK');
      expect(run('verify', '-CAfile', caFile, '-purpose', 'sslserver', managerFile)).toContain('OK');
    });

    it('should refuse a certificate from another cluster', () => {
      const caFile = file('ca.pem', ca.certPem);
      const foreignFile = file('foreign.pem', foreigner.certPem);
      expect(() => run('verify', '-CAfile', caFile, foreignFile)).toThrow();
    });

    it('should show the SAN, EKU and constraints of a manager certificate', () => {
      const text = run('x509', '-noout', '-text', '-in', file('manager.pem', managerIdentity.certPem));
      expect(text).toMatch(/Subject: CN\s*=\s*m1, OU\s*=\s*berth-manager, O\s*=\s*cluster-a/);
      expect(text).toContain('DNS:m1, DNS:localhost, IP Address:127.0.0.1');
      expect(text).toContain('TLS Web Server Authentication, TLS Web Client Authentication');
      expect(text).toContain('CA:FALSE');
      expect(text).toContain('ASN1 OID: prime256v1');
    });

    it('should show a CA that may sign certificates only', () => {
      const text = run('x509', '-noout', '-text', '-in', file('ca.pem', ca.certPem));
      expect(text).toContain('CA:TRUE, pathlen:0');
      expect(text).toContain('Certificate Sign, CRL Sign');
    });
  });
});
