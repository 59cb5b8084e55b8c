/** The engine's DNS server over real UDP sockets on loopback: known names answered, the rest forwarded. */
import * as dgram from 'node:dgram';
import { DnsServer } from '@berth/network';
import { answerQuery, parseQuery, RCODE, TYPE } from '@berth/network/dns/message';

function query(name: string, type: number, id: number): Buffer {
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  return Buffer.concat([
    Buffer.from([id >> 8, id & 0xff, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]),
    ...labels,
    Buffer.from([0, 0, type, 0, 1]),
  ]);
}

function ask(port: number, msg: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      s.close();
      reject(new Error('no answer'));
    }, 5000);
    s.on('message', (m) => {
      clearTimeout(timer);
      s.close();
      resolve(m);
    });
    s.send(msg, port, '127.0.0.1');
  });
}

const rcode = (m: Buffer) => m.readUInt16BE(2) & 0xf;
const answers = (m: Buffer) => m.readUInt16BE(6);

let upstream: dgram.Socket;
let server: DnsServer;
const upstreamSeen: string[] = [];

beforeAll(async () => {
  // a stand-in for the host's resolver: answers every A query with 192.0.2.1
  upstream = dgram.createSocket('udp4');
  upstream.on('message', (msg, peer) => {
    const q = parseQuery(msg);
    upstreamSeen.push(q.question.name);
    upstream.send(
      answerQuery(
        msg,
        q,
        q.question.name.endsWith('.invalid') ? [] : ['192.0.2.1'],
        q.question.name.endsWith('.invalid') ? RCODE.NXDOMAIN : 0,
      ),
      peer.port,
      peer.address,
    );
  });
  await new Promise<void>((r) => upstream.bind(0, '127.0.0.1', () => r()));
  server = await DnsServer.listen({
    address: '127.0.0.1',
    port: 0,
    upstreams: [`127.0.0.1:${upstream.address().port}`],
    lookup: (name) =>
      name === 'db' || name === 'database'
        ? ['10.89.0.5']
        : name === 'web'
          ? ['10.89.0.7', '10.89.0.8', '10.89.0.9']
          : null,
  });
});

afterAll(async () => {
  await server.close();
  upstream.close();
});

it('should answer the names of containers itself, without asking upstream', async () => {
  const a = await ask(server.port, query('DB', TYPE.A, 1));
  expect(rcode(a)).toBe(0);
  expect(answers(a)).toBe(1);
  expect([...a.subarray(a.length - 4)]).toEqual([10, 89, 0, 5]);
  const aaaa = await ask(server.port, query('database', TYPE.AAAA, 2));
  expect([rcode(aaaa), answers(aaaa)]).toEqual([0, 0]);
  expect(upstreamSeen).toEqual([]);
});

it('should give the addresses of a name in turn, each answer starting one further on', async () => {
  const firsts: string[] = [];
  for (let id = 10; id < 13; id++) {
    const a = await ask(server.port, query('web', TYPE.A, id));
    expect(answers(a)).toBe(3);
    const first = a.length - 3 * 16 + 12; // three A records of 16 bytes, the address last in each
    firsts.push([...a.subarray(first, first + 4)].join('.'));
  }
  expect(firsts.sort()).toEqual(['10.89.0.7', '10.89.0.8', '10.89.0.9']);
});

it('should forward other names and relay the answer, errors included', async () => {
  const a = await ask(server.port, query('example.org', TYPE.A, 3));
  expect(a.readUInt16BE(0)).toBe(3);
  expect([...a.subarray(a.length - 4)]).toEqual([192, 0, 2, 1]);
  const missing = await ask(server.port, query('nosuch.invalid', TYPE.A, 4));
  expect(rcode(missing)).toBe(RCODE.NXDOMAIN);
  expect(upstreamSeen).toEqual(['example.org', 'nosuch.invalid']);
});

it('should answer SERVFAIL when no upstream answers, and FORMERR to garbage', async () => {
  const lonely = await DnsServer.listen({
    address: '127.0.0.1',
    port: 0,
    upstreams: ['127.0.0.1:9'],
    upstreamTimeoutMs: 200,
    lookup: () => null,
  });
  try {
    expect(rcode(await ask(lonely.port, query('example.org', TYPE.A, 5)))).toBe(RCODE.SERVFAIL);
    expect(rcode(await ask(lonely.port, Buffer.from([0, 9, 0, 0])))).toBe(RCODE.FORMERR);
  } finally {
    await lonely.close();
  }
});
