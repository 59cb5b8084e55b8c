/**
 * The multi-machine harness: three machines (network namespaces on one
 * fabric bridge, each with its own agent) on this host, machine 1 also a
 * manager machine (etcd and the manager beside its agent), Redis on the
 * fabric's gateway; what runs on a machine runs in its network, machines reach
 * each other, an agent killed and started again finds its containers, and
 * the teardown leaves nothing with the run's tag.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import { ClusterHarness } from '@berth/testing';

jest.setTimeout(60_000);

let cluster: ClusterHarness | undefined;
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 3 });
});
afterAll(() => cluster?.stop()); // after a failure; the last test stops it when all went well

const c = () => cluster!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** What a line sent to host:port gets back first. */
function ask(endpoint: string, line: string): Promise<string> {
  const url = new URL(endpoint.includes('://') ? endpoint : `tcp://${endpoint}`);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(line));
    socket.once('data', (d) => (socket.destroy(), resolve(d.toString())));
    socket.once('error', reject);
  });
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) =>
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject),
  );
}

describe('a local cluster of three machines', () => {
  it("should give every machine its own agent, address and fabric, with etcd on machine 1 and Redis on the fabric's gateway", async () => {
    expect(c().etcd).toBe(`${c().machine(1).address}:2379`);
    expect(c().redisUrl).toBe(`redis://${c().fabric.gateway}:${new URL(c().redisUrl).port}`);
    expect(await ask(c().redisUrl, 'PING\r\n')).toBe('+PONG\r\n');
    expect(JSON.parse(await get(`http://${c().etcd}/health`))).toMatchObject({ health: 'true' });
    expect(c().fabric.bridge).toBe(`bc${c().tag}`);
    const addresses = new Set(c().machines.map((m) => m.address));
    expect(addresses.size).toBe(3);
    for (const m of c().machines) {
      const version = m.berth(['version']);
      expect(version.stderr).toBe('');
      expect(version.status).toBe(0);
      expect(version.stdout).toContain('Server:');
      const info = m.berth(['info']);
      expect(info.status).toBe(0);
      expect(info.stdout).toContain(m.dataRoot);
      expect(m.exec(['ip', '-4', '-o', 'addr', 'show', 'eth0']).stdout).toContain(`inet ${m.address}/24`);
    }
  });

  it("should run a machine's containers in that machine's network", () => {
    const m2 = c().machine(2);
    m2.importBusybox();
    // not --rm: the engine may remove a container that exits at once before its output is relayed
    const r = m2.berth([
      'run',
      '--name',
      'addr',
      '--network',
      'host',
      'busybox',
      'ip',
      '-4',
      'addr',
      'show',
      'eth0',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`inet ${m2.address}/24`);
    expect(m2.berth(['rm', 'addr']).status).toBe(0);
    const keep = m2.berth(['run', '-d', '--name', 'keep', 'busybox', 'sleep', '300']);
    expect(keep.status).toBe(0);
  });

  it("should let one machine reach another's address and its published port", async () => {
    const [m1, m3] = [c().machine(1), c().machine(3)];
    expect(m1.exec(['busybox', 'ping', '-c1', '-W2', m3.address]).status).toBe(0);
    m3.importBusybox();
    const script =
      'mkdir -p /www && echo "served by $(hostname)" > /www/index.html && exec httpd -f -p 80 -h /www';
    const web = m3.berth(['run', '-d', '--name', 'web', '-p', '8080:80', 'busybox', 'sh', '-c', script]);
    expect(web.status).toBe(0);
    const url = `http://${m3.address}:8080/`;
    let body = '';
    await until(`${url} from ${m1.name}`, () => {
      body = m1.exec(['curl', '-sf', '-m', '2', url]).stdout;
      return body.startsWith('served by');
    });
    expect(body).toBe(`served by ${web.stdout.trim().slice(0, 12)}\n`);
  });

  it("should keep a machine's containers across SIGKILL of its agent, and the new agent lists them", async () => {
    const m2 = c().machine(2);
    await m2.killAgent('SIGKILL');
    expect(m2.berth(['ps']).status).not.toBe(0);
    await m2.startAgent();
    const ps = m2.berth(['ps', '--format', '{{.Names}} {{.Status}}']);
    expect(ps.stdout).toMatch(/^keep Up /m);
  });

  it('should leave nothing with its tag behind once stopped', async () => {
    const run = c();
    cluster = undefined;
    await expect(run.stop()).resolves.toBeUndefined();
  });
});
