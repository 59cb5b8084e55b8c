import { makeNode, makeService, runningTask } from '@berth/cluster/testing';
import { Status } from '@berth/proto';
import { Channel } from '@berth/proto/channel';
import type { CallContext } from '@berth/proto/server';
import type { ClusterService } from '../cluster/cluster.service';
import type { DispatcherService } from '../dispatcher/dispatcher.service';
import type { ManagerError } from '../errors';
import type { PresenceService } from '../presence/presence.service';
import type { StateService } from '../state/state.service';
import { ExecService } from './exec.service';

const web = makeService({ id: 'svc-web', name: 'web', replicas: 1 });
const objects = {
  services: [web],
  tasks: [runningTask(web, 'node-2', 1, { id: 'task-1' })],
  nodes: [makeNode({ id: 'node-1', hostname: 'm1' }), makeNode({ id: 'node-2', hostname: 'm2' })],
};

/** An ExecService over fakes: the objects above, sessions held here for HELD, other managers' by node. */
function setUp(held: string[], elsewhere: Record<string, string> = {}) {
  const sent: { nodeId: string; message: { exec?: { execId: string; taskId: string; cmd: string[] } } }[] =
    [];
  const state = { cache: { list: (kind: keyof typeof objects) => objects[kind] } } as unknown as StateService;
  const dispatcher = {
    send: (nodeId: string, message: (typeof sent)[number]['message']) => {
      if (!held.includes(nodeId)) return false;
      sent.push({ nodeId, message });
      return true;
    },
  } as unknown as DispatcherService;
  const presence = {
    sessionHolders: () => Promise.resolve(new Map(Object.entries(elsewhere))),
  } as unknown as PresenceService;
  const cluster = { advertiseAddr: '10.0.0.1:4243' } as unknown as ClusterService;
  return { service: new ExecService(state, dispatcher, presence, cluster), sent };
}

function context(): CallContext & { abort(): void } {
  const controller = new AbortController();
  return { signal: controller.signal, peerCertificate: null, peer: 'test', abort: () => controller.abort() };
}

const start = (target: string, cmd = ['cat']) =>
  ({ start: { target, slot: 0, cmd, env: [], workingDir: '', user: '', tty: false, stdin: true } }) as never;

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function failure(items: AsyncIterable<unknown>): Promise<ManagerError> {
  try {
    await all(items);
  } catch (error) {
    return error as ManagerError;
  }
  throw new Error('no failure');
}

const allowed = () => Promise.resolve();

describe(ExecService.name, () => {
  describe('serviceExec', () => {
    it("should ask the task's node over its session and relay both ways until the exit status", async () => {
      const { service, sent } = setUp(['node-2']);
      const fromCli = new Channel<never>();
      fromCli.push(start('web'));
      const toCli = all(service.serviceExec(fromCli, context(), allowed));
      await new Promise((resolve) => setImmediate(resolve));
      expect(sent).toEqual([
        { nodeId: 'node-2', message: { exec: expect.objectContaining({ taskId: 'task-1', cmd: ['cat'] }) } },
      ]);
      const fromAgent = new Channel<never>();
      fromAgent.push({ execId: sent[0].message.exec!.execId } as never);
      const toAgent = service.taskExec(fromAgent, 'node-2', context().signal)[Symbol.asyncIterator]();
      const firstDown = toAgent.next();
      fromCli.push({ stdin: Buffer.from('hello') } as never);
      fromCli.push({ closeStdin: true } as never);
      expect((await firstDown).value).toEqual({ stdin: Buffer.from('hello') });
      expect((await toAgent.next()).value).toEqual({ closeStdin: true });
      fromAgent.push({ stdout: Buffer.from('hello') } as never);
      fromAgent.push({ stderr: Buffer.from('warning') } as never);
      fromAgent.push({ exit: { exitCode: 3, error: '' } } as never);
      expect(await toCli).toEqual([
        { task: { taskId: 'task-1', name: 'web.1', nodeId: 'node-2', hostname: 'm2' } },
        { stdout: Buffer.from('hello') },
        { stderr: Buffer.from('warning') },
        { exit: { exitCode: 3, error: '' } },
      ]);
      expect((await toAgent.next()).done).toBe(true); // the agent's stream ends with the exec
    });

    it('should say when the agent stream ends before the exit status', async () => {
      const { service, sent } = setUp(['node-2']);
      const fromCli = new Channel<never>();
      fromCli.push(start('web'));
      const toCli = failure(service.serviceExec(fromCli, context(), allowed));
      await new Promise((resolve) => setImmediate(resolve));
      const fromAgent = new Channel<never>();
      fromAgent.push({ execId: sent[0].message.exec!.execId } as never);
      void all(service.taskExec(fromAgent, 'node-2', context().signal));
      fromAgent.close();
      const error = await toCli;
      expect([error.status, error.message]).toEqual([
        Status.UNAVAILABLE,
        'the connection with the agent of node m2 ended before the process did',
      ]);
    });

    it('should refuse a caller the authorization refuses, before anything else', async () => {
      const { service, sent } = setUp(['node-2']);
      const refused = Object.assign(new Error('no client certificate'), { status: Status.UNAUTHENTICATED });
      const error = await failure(
        service.serviceExec(new Channel(), context(), () => Promise.reject(refused)),
      );
      expect(error).toBe(refused);
      expect(sent).toEqual([]);
    });

    it("should answer the target's problems with their statuses, and a start without a command", async () => {
      const { service } = setUp(['node-2']);
      const ask = async (message: never) => {
        const fromCli = new Channel<never>();
        fromCli.push(message);
        const error = await failure(service.serviceExec(fromCli, context(), allowed));
        return [error.status, error.message];
      };
      expect(await ask(start('nope'))).toEqual([
        Status.NOT_FOUND,
        expect.stringContaining('no service or task nope'),
      ]);
      expect(await ask(start('web', []))).toEqual([Status.INVALID_ARGUMENT, 'service exec needs a command']);
      expect(await ask({ stdin: Buffer.from('x') } as never)).toEqual([
        Status.INVALID_ARGUMENT,
        'the first service exec message must say where and what to run',
      ]);
    });

    it("should say when no manager holds the node's session", async () => {
      const { service } = setUp([], { 'node-1': '10.0.0.2:4243' });
      const fromCli = new Channel<never>();
      fromCli.push(start('web'));
      const error = await failure(service.serviceExec(fromCli, context(), allowed));
      expect([error.status, error.message]).toEqual([
        Status.UNAVAILABLE,
        'node m2 has no session with any manager: its agent is not connected (see `berth node ls`)',
      ]);
    });

    it('should not relay on what another manager asked of it alone', async () => {
      const { service } = setUp([], { 'node-2': '10.0.0.2:4243' });
      const fromCli = new Channel<never>();
      fromCli.push({
        start: { ...(start('task-1') as { start: object }).start, heldHereOnly: true },
      } as never);
      const error = await failure(service.serviceExec(fromCli, context(), allowed));
      expect([error.status, error.message]).toEqual([
        Status.UNAVAILABLE,
        'node m2 has no session with this manager',
      ]);
    });
  });

  describe('taskExec', () => {
    it('should refuse an exec id nobody waits for, and one asked of another node', async () => {
      const { service, sent } = setUp(['node-2']);
      const unknown = new Channel<never>();
      unknown.push({ execId: 'made-up' } as never);
      const notWaiting = await failure(service.taskExec(unknown, 'node-2', context().signal));
      expect([notWaiting.status, notWaiting.message]).toEqual([
        Status.NOT_FOUND,
        'no exec made-up is waiting: it ended or was never asked for',
      ]);
      const fromCli = new Channel<never>();
      fromCli.push(start('web'));
      const cli = context();
      const call = all(service.serviceExec(fromCli, cli, allowed));
      await new Promise((resolve) => setImmediate(resolve));
      const impostor = new Channel<never>();
      impostor.push({ execId: sent[0].message.exec!.execId } as never);
      const denied = await failure(service.taskExec(impostor, 'node-1', context().signal));
      expect(denied.status).toBe(Status.PERMISSION_DENIED);
      cli.abort(); // the CLI hangs up: the exec stops waiting for its agent
      expect(await call).toEqual([expect.objectContaining({ task: expect.anything() })]);
    });
  });
});
