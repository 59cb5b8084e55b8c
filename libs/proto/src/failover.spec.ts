/** FailoverClient over real unix sockets: the first address has no server, the second answers. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { FailoverClient } from './failover';
import { ENGINE_SERVICE } from './generated/engine-service';
import { serve, type EngineHandlers } from './server';
import { RpcError, Status } from './status';

let dir: string;
let server: grpc.Server;

const handlers: Partial<EngineHandlers> = {
  async *Exec(requests) {
    for await (const input of requests) {
      if (input.start) yield { stdout: Buffer.from(`started ${(input.start.cmd ?? []).join(' ')}\n`) };
      if (input.stdin?.length) yield { stdout: Buffer.from(input.stdin.toString().toUpperCase()) };
      if (input.closeStdin) break;
    }
    yield { exit: { exitCode: 7 } };
  },
};

const NAME = { what: 'the test server', hint: 'none' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-failover-'));
  // every method needs a handler: those this test does not call fail
  const all = new Proxy(handlers, {
    get: (target, name: string) =>
      target[name as keyof EngineHandlers] ??
      (async () => {
        throw new Error(`${name} not in this test`);
      }),
  }) as EngineHandlers;
  server = await serve(`unix://${path.join(dir, 'up.sock')}`, all, (error) => ({
    code: Status.INTERNAL,
    message: String(error),
  }));
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.tryShutdown(() => resolve()) : resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

function clientOf(...sockets: string[]) {
  return new FailoverClient(
    ENGINE_SERVICE,
    sockets.map((s) => ({ socket: path.join(dir, s) })),
    NAME,
  );
}

describe(FailoverClient.name, () => {
  describe('duplex', () => {
    it('should move past an address that cannot be reached, sending the next what was sent', async () => {
      const client = clientOf('down.sock', 'up.sock');
      const call = client.duplex('Exec');
      call.send({ start: { id: 'c', cmd: ['cat'] } });
      call.send({ stdin: Buffer.from('abc') });
      const seen: string[] = [];
      for await (const m of call) {
        if (m.stdout?.length) seen.push(Buffer.from(m.stdout).toString());
        if (m.exit) {
          seen.push(`exit ${m.exit.exitCode}`);
          break;
        }
        if (seen.length === 2) call.send({ closeStdin: true }); // sent once answered: to the server that answered
      }
      expect(seen).toEqual(['started cat\n', 'ABC', 'exit 7']);
      expect(client.where).toBe(`unix://${path.join(dir, 'up.sock')}`);
      await client.close();
    });

    it('should fail as the last address does when none can be reached', async () => {
      const client = clientOf('down.sock', 'gone.sock');
      const call = client.duplex('Exec');
      call.send({ start: { id: 'c', cmd: ['cat'] } });
      const failure = (async () => {
        for await (const _ of call) void _;
      })();
      await expect(failure).rejects.toThrow(RpcError);
      await expect(failure).rejects.toMatchObject({ status: Status.UNAVAILABLE });
      await expect(failure).rejects.toThrow(/gone\.sock/);
      await client.close();
    });
  });
});
