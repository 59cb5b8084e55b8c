import { PassThrough } from 'node:stream';
import { ContainerStartError, type ExecProcess } from '@berth/runtime';
import { Channel } from '@berth/proto/channel';
import type { ContainerRecord } from '../containers/model';
import type { ExecRequest } from '../containers/request';
import type { Membership } from './membership.repository';
import { TaskExecRelay, type TaskExecClient } from './task-exec';

/** The manager's end of one TaskExec stream: what the agent sent, and what to send it. */
class FakeManager {
  readonly sent: object[] = [];
  readonly down = new Channel<object>();
  readonly done: Promise<void>;
  closed = false;
  private finish!: () => void;

  constructor() {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  client(): TaskExecClient {
    const call = {
      send: (m: object) => this.sent.push(m),
      end: () => this.down.close(),
      cancel: () => this.down.close(),
      [Symbol.asyncIterator]: () => this.down[Symbol.asyncIterator](),
    };
    return {
      duplex: () => call as never,
      close: async () => {
        this.closed = true;
        this.finish();
      },
    };
  }
}

/** A process whose output the test writes and whose exit it decides. */
function fakeProcess() {
  let exit!: (code: number) => void;
  const proc = {
    pid: 42,
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    exit: new Promise<number>((resolve) => (exit = resolve)),
    kill: () => undefined,
    resize: jest.fn(),
  };
  return { proc, exit };
}

const membership = {} as Membership;
const container = { id: 'c1' } as ContainerRecord;
const request = (overrides: object = {}) => ({
  execId: 'x1',
  taskId: 't1',
  cmd: ['cat'],
  env: ['A=1'],
  workingDir: '/tmp',
  user: '',
  tty: false,
  stdin: true,
  size: null,
  ...overrides,
});

function setUp(exec: (id: string, request: ExecRequest) => Promise<ExecProcess>, ownContainer = true) {
  const manager = new FakeManager();
  const asked: [string, ExecRequest][] = [];
  const relay = new TaskExecRelay(
    {
      exec: (id: string, r: ExecRequest) => {
        asked.push([id, r]);
        return exec(id, r);
      },
    } as never,
    { containerOf: (taskId: string) => (ownContainer && taskId === 't1' ? container : undefined) } as never,
    { warn: jest.fn() },
    () => manager.client(),
  );
  return { relay, manager, asked };
}

describe(TaskExecRelay.name, () => {
  it("should run the process in the task's container and relay input, output and the exit code", async () => {
    const { proc, exit } = fakeProcess();
    const { relay, manager, asked } = setUp(async () => proc);
    const typed: Buffer[] = [];
    proc.stdin.on('data', (d: Buffer) => typed.push(d));
    relay.handle(request() as never, membership);
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual([
      ['c1', { cmd: ['cat'], env: ['A=1'], workingDir: '/tmp', user: '', terminal: null }],
    ]);
    manager.down.push({ stdin: Buffer.from('hi') });
    manager.down.push({ resize: { rows: 10, cols: 20 } });
    manager.down.push({ closeStdin: true });
    await new Promise((resolve) => proc.stdin.on('finish', resolve));
    proc.stdout.end('out');
    proc.stderr.end('err');
    exit(3);
    await manager.done;
    expect(Buffer.concat(typed).toString()).toBe('hi');
    expect(proc.resize).toHaveBeenCalledWith(10, 20);
    expect(manager.sent).toEqual([
      { execId: 'x1' },
      { stdout: Buffer.from('out') },
      { stderr: Buffer.from('err') },
      { exit: { exitCode: 3, error: '' } },
    ]);
  });

  it('should ask for a terminal of the size sent, 24x80 when none', async () => {
    const { proc, exit } = fakeProcess();
    const { relay, manager, asked } = setUp(async () => proc);
    relay.handle(request({ tty: true, stdin: false, size: { rows: 50, cols: 0 } }) as never, membership);
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked[0][1].terminal).toEqual({ rows: 50, cols: 80 });
    proc.stdout.end();
    proc.stderr.end();
    exit(0);
    await manager.done;
  });

  it("should answer with Docker's status and the reason when the process cannot start", async () => {
    const { relay, manager } = setUp(async () => {
      throw new ContainerStartError('c1', 'exec: "nope": executable file not found', 127);
    });
    relay.handle(request() as never, membership);
    await manager.done;
    expect(manager.sent).toEqual([
      { execId: 'x1' },
      { exit: { exitCode: 127, error: 'exec: "nope": executable file not found' } },
    ]);
  });

  it('should refuse a task with no container on this node, without running anything', async () => {
    const { relay, manager, asked } = setUp(async () => fakeProcess().proc, false);
    relay.handle(request() as never, membership);
    await manager.done;
    expect(asked).toEqual([]);
    expect(manager.sent).toEqual([
      { execId: 'x1' },
      {
        exit: {
          exitCode: 126,
          error:
            'task t1 has no container on this node (it ended, or has not started): see `berth service ps`',
        },
      },
    ]);
  });
});
