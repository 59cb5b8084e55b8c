import { Logger } from '@nestjs/common';
import { decodeTaskStatus, type Task, type TaskState, type TaskStatus } from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import type { ContainersService } from '../containers/containers.service';
import type { ContainerRecord } from '../containers/model';
import type { ContainerRequest } from '../containers/request';
import { TASK_ID_LABEL } from './task-container';
import { containerRecord, containerState as state, flush } from '../containers/testing';
import type { AgentConfig } from '../config';
import { WorkerService } from './worker.service';

type State = ContainerRecord['state'];

const record = (id: string, labels: Record<string, string>, s: ContainerRecord['state']) =>
  containerRecord(id, id, labels, s);

// the real ContainersService pulls in the whole engine: the worker is tested against a fake one
jest.mock('../containers/containers.service', () => ({ ContainersService: class {} }));

/** The engine: containers in a map; every call recorded; a container runs until stopped or `exit`. */
class FakeContainers {
  readonly calls: string[] = [];
  readonly records = new Map<string, ContainerRecord>();
  private readonly waiters = new Map<string, (s: State) => void>();
  private created = 0;

  /** A container already on the machine (made before an agent restart, or not a task's). */
  add(id: string, labels: Record<string, string>, status: State['status'] = 'running', exitCode = 0): void {
    this.records.set(id, record(id, labels, state(status, exitCode)));
  }

  list(all: boolean): ContainerRecord[] {
    return [...this.records.values()].filter((c) => all || c.state.status === 'running');
  }

  async create(spec: ContainerRequest): Promise<ContainerRecord> {
    const id = `c${++this.created}`;
    this.calls.push(`create ${spec.name}`);
    this.add(id, spec.labels ?? {}, 'created');
    return this.records.get(id)!;
  }

  /** readying is the runner's business (task-runner.spec.ts): not recorded here */
  async ready(): Promise<void> {}

  async start(id: string): Promise<ContainerRecord> {
    this.calls.push(`start ${id}`);
    this.records.get(id)!.state = state('running');
    return this.records.get(id)!;
  }

  async stop(id: string): Promise<void> {
    this.calls.push(`stop ${id}`);
    this.exit(id, 143);
  }

  async remove(id: string, options: { force?: boolean }): Promise<void> {
    this.calls.push(`remove ${id}${options.force ? ' force' : ''}`);
    if (!this.records.delete(id)) throw new Error(`No such container: ${id}`);
    this.waiters.get(id)?.(state('exited', 137));
  }

  healthSettled(): Promise<'none'> {
    return Promise.resolve('none');
  }

  wait(id: string): Promise<State> {
    return new Promise((resolve) => this.waiters.set(id, resolve));
  }

  exit(id: string, exitCode: number): void {
    const c = this.records.get(id);
    if (c) c.state = state('exited', exitCode);
    this.waiters.get(id)?.(state('exited', exitCode));
    this.waiters.delete(id);
  }

  /** The ids of the containers of task TASK_ID. */
  of(taskId: string): string[] {
    return [...this.records.values()]
      .filter((c) => c.config.labels[TASK_ID_LABEL] === taskId)
      .map((c) => c.id);
  }
}

const web = makeService({ id: 'svc-web', name: 'web', image: 'nginx:1' });

function task(id: string, slot: number, desiredState: TaskState = 'running'): Task {
  return makeTask({ id, service: web, slot, nodeId: 'node-1', state: 'assigned', desiredState });
}

function setup() {
  const containers = new FakeContainers();
  // no task here has secrets or configs: the exec root is never written
  const worker = new WorkerService(
    containers as unknown as ContainersService,
    {
      execRoot: '/nonexistent/berth-worker-test',
    } as AgentConfig,
  );
  let flagged = 0;
  worker.onReports(() => flagged++);
  const reports = () =>
    Object.fromEntries(worker.takeReports().map(({ taskId, status }) => [taskId, status.state]));
  return { containers, worker, reports, flagged: () => flagged };
}

describe(WorkerService.name, () => {
  let warn: jest.SpyInstance;
  beforeEach(() => (warn = jest.spyOn(Logger.prototype, 'warn')));
  afterEach(() => {
    expect(warn).not.toHaveBeenCalled();
    jest.restoreAllMocks();
  });

  describe('applyFull', () => {
    it('should run each new task in a container of its own', async () => {
      const { containers, worker, reports } = setup();
      await worker.applyFull('node-1', [task('t1', 1), task('t2', 2)]);
      await flush();
      expect(containers.calls).toEqual(['create web.1.t1', 'create web.2.t2', 'start c1', 'start c2']);
      expect(reports()).toEqual({ t1: 'running', t2: 'running' });
    });

    it('should tell the listener that reports wait', async () => {
      const { worker, flagged } = setup();
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      expect(flagged()).toBeGreaterThan(0);
    });

    it('should not tell the listener when there is nothing to send', async () => {
      const { worker, flagged } = setup();
      await worker.applyFull('node-1', []);
      expect(flagged()).toBe(0);
    });

    it('should keep one runner per task when a task is listed again', async () => {
      const { containers, worker } = setup();
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      expect(containers.calls.filter((c) => c.startsWith('create'))).toEqual(['create web.1.t1']);
    });

    it('should pass a listed task on to its runner', async () => {
      const { containers, worker, reports } = setup();
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      reports();
      await worker.applyFull('node-1', [task('t1', 1, 'shutdown')]);
      await flush();
      expect(containers.calls).toContain('stop c1');
      expect(reports()).toEqual({ t1: 'shutdown' });
    });

    it('should drop the tasks no longer listed, removing their containers and reports', async () => {
      const { containers, worker, reports } = setup();
      await worker.applyFull('node-1', [task('t1', 1), task('t2', 2)]);
      await flush();
      await worker.applyFull('node-1', [task('t2', 2)]);
      await flush();
      expect(containers.calls).toContain('remove c1 force');
      expect(containers.of('t1')).toEqual([]);
      expect(containers.of('t2')).toEqual(['c2']);
      expect(reports()).toEqual({ t2: 'running' });
    });

    it('should remove task containers of tasks not listed, and leave other containers alone', async () => {
      const { containers, worker } = setup();
      containers.add('stray', { [TASK_ID_LABEL]: 'gone' });
      containers.add('stray-exited', { [TASK_ID_LABEL]: 'older' }, 'exited');
      containers.add('mine', { app: 'hand-made' });
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      expect([...containers.records.keys()].sort()).toEqual(['c1', 'mine']);
    });

    it('should adopt the container of a listed task rather than make another', async () => {
      const { containers, worker } = setup();
      containers.add('old', { [TASK_ID_LABEL]: 't1' });
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      expect(containers.calls).toEqual([]);
      expect(containers.of('t1')).toEqual(['old']);
    });

    it('should say again where every listed task stands, as a report may have been lost', async () => {
      const { containers, worker, reports } = setup();
      await worker.applyFull('node-1', [task('t1', 1), task('t2', 2), task('t3', 3)]);
      await flush();
      containers.exit('c2', 0);
      await flush();
      expect(reports()).toEqual({ t1: 'running', t2: 'complete', t3: 'running' });
      expect(reports()).toEqual({});
      await worker.applyFull('node-1', [task('t1', 1), task('t2', 2)]);
      expect(reports()).toEqual({ t1: 'running', t2: 'complete' });
    });

    it('should report the state of an adopted container that ended while the agent was away', async () => {
      const { containers, worker, reports } = setup();
      containers.add('old', { [TASK_ID_LABEL]: 't1' }, 'exited', 1);
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      expect(reports()).toEqual({ t1: 'failed' });
    });

    it('should report an adopted running container as running', async () => {
      const { containers, worker, reports } = setup();
      containers.add('old', { [TASK_ID_LABEL]: 't1' });
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      expect(reports()).toEqual({ t1: 'running' });
    });

    it('should report the later exit of an adopted container', async () => {
      const { containers, worker, reports } = setup();
      containers.add('old', { [TASK_ID_LABEL]: 't1' });
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      containers.exit('old', 3);
      await flush();
      expect(reports()).toEqual({ t1: 'failed' });
    });
  });

  describe('tasks of another node', () => {
    const elsewhere = (id: string) => ({ ...task(id, 1), nodeId: 'node-2' });

    it('should refuse a task assigned to another node in a full list, and run the others', async () => {
      const { containers, worker, reports } = setup();
      await worker.applyFull('node-1', [elsewhere('t1'), task('t2', 2)]);
      await flush();
      expect(containers.of('t1')).toEqual([]);
      expect(reports()).toEqual({ t2: 'running' });
      expect(warn).toHaveBeenCalledWith({
        msg: 'task t1 refused: it is assigned to node node-2, not this node (node-1)',
        task: 't1',
        service: 'svc-web',
        node: 'node-1',
      });
      warn.mockClear();
    });

    it('should refuse a changed task now assigned to another node, leaving the running one alone', async () => {
      const { containers, worker, reports } = setup();
      await worker.applyChanges('node-1', [task('t1', 1)], []);
      await flush();
      reports();
      await worker.applyChanges('node-1', [{ ...elsewhere('t1'), desiredState: 'shutdown' }], []);
      await flush();
      expect(containers.calls).not.toContain('stop c1');
      expect(reports()).toEqual({});
      expect(warn).toHaveBeenCalledTimes(1);
      warn.mockClear();
    });
  });

  describe('applyChanges', () => {
    it('should run new tasks and pass changed ones to their runners', async () => {
      const { containers, worker, reports } = setup();
      await worker.applyChanges('node-1', [task('t1', 1)], []);
      await flush();
      expect(reports()).toEqual({ t1: 'running' });
      await worker.applyChanges('node-1', [task('t1', 1, 'remove'), task('t2', 2)], []);
      await flush();
      expect(containers.of('t1')).toEqual([]);
      expect(reports()).toEqual({ t1: 'shutdown', t2: 'running' });
    });

    it('should drop removed tasks with their containers and unsent reports', async () => {
      const { containers, worker, reports } = setup();
      await worker.applyChanges('node-1', [task('t1', 1), task('t2', 2)], []);
      await flush();
      await worker.applyChanges('node-1', [], ['t1', 'unknown']);
      await flush();
      expect(containers.calls).toContain('remove c1 force');
      expect(reports()).toEqual({ t2: 'running' });
    });

    it('should leave stray containers to the next full set', async () => {
      const { containers, worker } = setup();
      containers.add('stray', { [TASK_ID_LABEL]: 'gone' });
      await worker.applyChanges('node-1', [task('t1', 1)], []);
      await flush();
      expect(containers.records.has('stray')).toBe(true);
    });

    it('should not re-send reports already taken', async () => {
      const { worker, reports } = setup();
      await worker.applyChanges('node-1', [task('t1', 1)], []);
      await flush();
      reports();
      await worker.applyChanges('node-1', [task('t1', 1)], []);
      await flush();
      expect(reports()).toEqual({});
    });
  });

  describe('takeReports', () => {
    it("should cut a report's err to what a manager accepts", async () => {
      const { containers, worker } = setup();
      containers.create = () => Promise.reject(new Error('x'.repeat(10_000)));
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      const [report] = worker.takeReports();
      expect(report.status).toMatchObject({ state: 'rejected' });
      expect(() => decodeTaskStatus(JSON.parse(JSON.stringify(report.status)))).not.toThrow();
      expect(report.status.err).toHaveLength(4096);
    });

    it('should give the newest report of each task, once', async () => {
      const { containers, worker } = setup();
      await worker.applyFull('node-1', [task('t1', 1)]);
      await flush();
      containers.exit('c1', 2);
      await flush();
      const taken = worker.takeReports();
      expect(taken).toEqual([
        { taskId: 't1', status: expect.objectContaining<Partial<TaskStatus>>({ state: 'failed' }) },
      ]);
      expect(taken[0].status).toMatchObject({
        err: 'task: non-zero exit (2)',
        containerId: 'c1',
        exitCode: 2,
      });
      expect(worker.takeReports()).toEqual([]);
    });

    it('should give nothing before any task', () => {
      expect(setup().worker.takeReports()).toEqual([]);
    });
  });

  describe('stopAll', () => {
    it("should remove every task's container, strays included, and report nothing more", async () => {
      const { containers, worker, reports } = setup();
      containers.add('stray', { [TASK_ID_LABEL]: 'gone' });
      containers.add('mine', { app: 'hand-made' });
      await worker.applyChanges('node-1', [task('t1', 1), task('t2', 2)], []);
      await flush();
      await worker.stopAll();
      await flush();
      expect([...containers.records.keys()]).toEqual(['mine']);
      expect(reports()).toEqual({});
    });
  });

  describe('containerOf', () => {
    it("should find a task's container by its label", () => {
      const { containers, worker } = setup();
      containers.add('x', { [TASK_ID_LABEL]: 't9' });
      containers.add('y', {});
      expect(worker.containerOf('t9')?.id).toBe('x');
      expect(worker.containerOf('t8')).toBeUndefined();
    });
  });
});
