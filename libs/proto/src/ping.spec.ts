/**
 * A client that pings (`pingEveryMs`, the agent's session) gives up on a server that stopped
 * answering — a cut link — instead of waiting on TCP's retransmissions for minutes. Real sockets
 * on loopback: a server that accepts and never speaks, and one that completes TLS and then never
 * answers a frame.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import { createClusterCa, issueServerCertificate } from '@berth/trust';
import { GrpcClient } from './client';
import { CLUSTER_SERVICE } from './generated/cluster-service';

const NAME = { what: 'the test server', hint: '' };
const PING_MS = 300;

const listening = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );

/** Settles to 'failed' or 'pending' after WITHIN_MS. */
async function outcome(call: Promise<unknown>, withinMs: number): Promise<'failed' | 'answered' | 'pending'> {
  return Promise.race([
    call.then(
      () => 'answered' as const,
      () => 'failed' as const,
    ),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), withinMs)),
  ]);
}

describe('a pinging client', () => {
  const sockets: net.Socket[] = [];
  const servers: net.Server[] = [];
  afterEach(() => {
    for (const s of sockets.splice(0)) s.destroy();
    for (const s of servers.splice(0)) s.close();
  });

  it('should give up a connect that does not complete, where a client without pings waits on', async () => {
    const silent = net.createServer((socket) => sockets.push(socket)); // accepts, never speaks TLS
    servers.push(silent);
    const port = await listening(silent);
    const endpoint = { address: `127.0.0.1:${port}`, tls: { ca: '', insecure: true } };
    const pinging = new GrpcClient(CLUSTER_SERVICE, endpoint, NAME, PING_MS);
    const patient = new GrpcClient(CLUSTER_SERVICE, endpoint, NAME);
    const started = Date.now();
    const [given, waited] = await Promise.all([
      outcome(pinging.call('GetCa', {}), 3 * PING_MS + 500),
      outcome(patient.call('GetCa', {}), 3 * PING_MS + 500),
    ]);
    expect(given).toBe('failed');
    expect(waited).toBe('pending'); // the control: without pings nothing ends it
    expect(Date.now() - started).toBeLessThan(3 * PING_MS + 1000);
    await pinging.close();
    void patient.close(); // ends once afterEach cuts the server's side
  });

  it('should drop a connection whose server stopped answering its pings', async () => {
    const ca = await createClusterCa('pingtestcluster00000000000');
    const own = await issueServerCertificate(ca, { commonName: 'mute', dns: [], ips: ['127.0.0.1'] });
    // completes TLS (speaking h2 by ALPN), then answers nothing: no settings, no ping acks
    const mute = tls.createServer({ cert: own.certPem, key: own.keyPem, ALPNProtocols: ['h2'] }, (socket) =>
      sockets.push(socket),
    );
    servers.push(mute);
    const port = await listening(mute);
    const endpoint = { address: `127.0.0.1:${port}`, tls: { ca: ca.certPem } };
    const client = new GrpcClient(CLUSTER_SERVICE, endpoint, NAME, PING_MS);
    const patient = new GrpcClient(CLUSTER_SERVICE, endpoint, NAME);
    const [given, waited] = await Promise.all([
      outcome(client.call('GetCa', {}), 3 * PING_MS + 500),
      outcome(patient.call('GetCa', {}), 3 * PING_MS + 500),
    ]);
    expect(given).toBe('failed');
    expect(waited).toBe('pending');
    await client.close();
    void patient.close(); // ends once afterEach cuts the server's side
  });
});
