/** The lean http2 client against the grpc-js server adapter, over a real unix socket. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { EngineClient } from './client';
import { serve, type EngineHandlers } from './server';
import { RpcError, Status } from './status';

class Refused extends Error {}

let dir: string;
let server: grpc.Server;
let client: EngineClient;

const handlers: Partial<EngineHandlers> = {
  Version: async () => ({ version: '1.2.3', os: 'linux' }),
  async *Events(request) {
    for (let i = 0; i < 3; i++) yield { type: 'container', action: `a${i}`, id: request.filters.join(',') };
  },
  LoadImages: async (requests) => {
    let total = 0;
    for await (const chunk of requests) total += chunk.data.length;
    return { loaded: [`${total} bytes`] };
  },
  async *Exec(requests) {
    for await (const input of requests) {
      if (input.start) yield { stdout: Buffer.from(`started ${(input.start.cmd ?? []).join(' ')}\n`) };
      if (input.stdin?.length) yield { stdout: Buffer.from(input.stdin.toString().toUpperCase()) };
      if (input.closeStdin) break;
    }
    yield { exit: { exitCode: 7 } };
  },
  // refuses at once, before reading what the client sends
  // eslint-disable-next-line require-yield
  async *Attach() {
    throw new Refused('You cannot attach to a stopped container, start it first');
  },
  InspectContainer: async () => {
    throw new Refused('container "x" does not exist');
  },
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-rpc-'));
  const all = new Proxy(handlers, {
    get: (target, name: string) =>
      target[name as keyof EngineHandlers] ??
      (async () => {
        throw new Error(`${name} not in this test`);
      }),
  }) as EngineHandlers;
  server = await serve(`unix://${path.join(dir, 'engine.sock')}`, all, (error) =>
    error instanceof Refused
      ? { code: Status.NOT_FOUND, message: error.message, kind: 'ContainerNotFoundError', detailCode: 42 }
      : { code: Status.INTERNAL, message: String(error) },
  );
  client = new EngineClient(path.join(dir, 'engine.sock'));
});
afterAll(async () => {
  await client.close();
  await new Promise((r) => server.tryShutdown(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('EngineClient with the grpc-js server', () => {
  it('should make unary calls', async () => {
    expect(await client.call('Version', {})).toMatchObject({ version: '1.2.3', os: 'linux' });
  });

  it('should read server streams', async () => {
    const seen: string[] = [];
    for await (const e of client.stream('Events', { filters: ['x', 'y'] })) seen.push(`${e.action}:${e.id}`);
    expect(seen).toEqual(['a0:x,y', 'a1:x,y', 'a2:x,y']);
  });

  it('should send client streams', async () => {
    const duplex = client.duplex('LoadImages');
    duplex.send({ data: Buffer.alloc(1000) });
    duplex.send({ data: Buffer.alloc(24) });
    duplex.end();
    const answers = [];
    for await (const a of duplex) answers.push(a.loaded);
    expect(answers).toEqual([['1024 bytes']]);
  });

  it('should talk both ways on one call', async () => {
    const exec = client.duplex('Exec');
    exec.send({ start: { id: 'c', cmd: ['sh', '-c', 'cat'] } });
    exec.send({ stdin: Buffer.from('hello') });
    exec.send({ closeStdin: true });
    exec.end();
    const out: string[] = [];
    let exit = -1;
    for await (const o of exec) {
      if (o.stdout?.length) out.push(o.stdout.toString());
      if (o.exit) exit = o.exit.exitCode ?? 0;
    }
    expect(out.join('')).toBe('started sh -c cat\nHELLO');
    expect(exit).toBe(7);
  });

  it("should carry the engine's error class, code and message", async () => {
    const error = await client.call('InspectContainer', { id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ status: Status.NOT_FOUND, kind: 'ContainerNotFoundError', detailCode: 42 });
    expect((error as Error).message).toBe('container "x" does not exist');
  });

  it('should let go of a call the engine refused while the client still had input open', async () => {
    const own = new EngineClient(path.join(dir, 'engine.sock'));
    const attach = own.duplex('Attach');
    attach.send({ start: { id: 'x' } }); // and never end()
    await expect(
      (async () => {
        for await (const _ of attach) void _;
      })(),
    ).rejects.toThrow('You cannot attach to a stopped container');
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise((r) => (timer = setTimeout(r, 2000, 'hung')));
    const closed = await Promise.race([own.close().then(() => 'closed'), hung]);
    clearTimeout(timer);
    expect(closed).toBe('closed');
  });

  it('should say how to start the engine when nothing listens', async () => {
    const nowhere = new EngineClient(path.join(dir, 'missing.sock'));
    await expect(nowhere.call('Version', {})).rejects.toThrow(
      'Cannot connect to the Berth engine at unix://',
    );
    await nowhere.close();
  });
});
