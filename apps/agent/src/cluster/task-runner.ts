import {
  isHeldForUpdate,
  isTerminal,
  taskStateRank,
  type Task,
  type TaskState,
  type TaskStatus,
} from '@berth/cluster';
import type { ContainerRecord } from '../containers/model';
import type { ContainersService } from '../containers/containers.service';
import { containerRequestOf, readiesWhenPrepared, status, statusOfContainer } from './task-container';
import type { BindMount } from './task-files';

const MAX_TIMER_MS = 2 ** 31 - 1;

export interface RunnerDeps {
  containers: Pick<
    ContainersService,
    'create' | 'ready' | 'start' | 'stop' | 'remove' | 'wait' | 'healthSettled'
  >;
  report(status: TaskStatus): void;
  now(): number;
  warn(message: string): void;
  /** a running task on networks waits this long before its container stops (load balancers let go of it) */
  drainMs?: number;
  /** the last lines a container wrote, sent with the status of a task that ended on its own */
  logTail?(containerId: string): Promise<string[]>;
  /** the task's secrets and configs as files: written before its container is made, removed with it */
  files?: {
    prepare(task: Task): Promise<BindMount[]>;
    release(taskId: string): void;
  };
}

/**
 * One task's container on this machine, driven toward what the manager wants (swarmkit's task
 * controller: prepare, start, wait, shutdown, remove). Level-triggered: every assignment update
 * kicks it, and it does the next thing that is missing. It reports each step, forward only.
 */
export class TaskRunner {
  private observed: TaskState = 'assigned';
  private containerId = '';
  private busy = false;
  private again = false;
  private stopping = false;
  private disposed = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private task: Task,
    private readonly deps: RunnerDeps,
    existing?: ContainerRecord,
  ) {
    if (existing) this.adopt(existing);
  }

  get id(): string {
    return this.task.id;
  }

  /** The task as last given. */
  get current(): Task {
    return this.task;
  }

  update(task: Task): void {
    this.task = task;
    this.kick();
  }

  kick(): void {
    if (this.disposed) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    void this.run();
  }

  /** The task is no longer this machine's: its container goes, nothing is reported. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.containerId) await this.removeContainer();
  }

  private async run(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.step();
      } while (this.again && !this.disposed);
    } finally {
      this.busy = false;
    }
  }

  private async step(): Promise<void> {
    const task = this.task;
    if (taskStateRank(task.desiredState) > taskStateRank('running'))
      return this.shutdown(task.desiredState === 'remove');
    if (isTerminal(this.observed)) return;
    // a restart delay holds even the preparing: a task that fails to prepare must not spin; a
    // stop-first rollout's hold does not: the new container is made while the old one stops
    if (!isHeldForUpdate(task) && this.holdUntil(task.notBefore)) return;
    if (!this.containerId) return this.prepare();
    if (task.desiredState !== 'running' || taskStateRank(this.observed) >= taskStateRank('starting')) return;
    await this.startContainer();
  }

  /** Whether TIME is still ahead; if so, the runner wakes itself then (or looks again in ~24 days). */
  private holdUntil(time: number): boolean {
    const wait = time - this.deps.now();
    if (wait <= 0) return false;
    if (this.timer) clearTimeout(this.timer);
    // beyond a 32-bit delay Node fires at once: a far hold would spin
    this.timer = setTimeout(() => this.kick(), Math.min(wait, MAX_TIMER_MS));
    return true;
  }

  private async prepare(): Promise<void> {
    this.report('accepted');
    this.report('preparing', { message: `preparing ${this.task.spec.container.image}` });
    try {
      const request = containerRequestOf(this.task);
      const files = (await this.deps.files?.prepare(this.task)) ?? [];
      const record = await this.deps.containers.create({ ...request, mounts: [...request.mounts, ...files] });
      this.containerId = record.id;
      if (this.disposed) return await this.removeContainer(); // dropped while it was being made
      if (readiesWhenPrepared(this.task)) await this.deps.containers.ready(record.id);
      if (this.disposed) return await this.removeContainer();
      this.report('ready', { message: 'prepared', containerId: record.id });
      this.again = true;
    } catch (error) {
      this.deps.files?.release(this.task.id);
      this.report('rejected', { message: 'preparing failed', err: (error as Error).message });
    }
  }

  private async startContainer(): Promise<void> {
    this.report('starting', { message: 'starting', containerId: this.containerId });
    try {
      await this.deps.containers.start(this.containerId);
    } catch (error) {
      this.report('failed', {
        message: 'starting failed',
        err: (error as Error).message,
        containerId: this.containerId,
      });
      return;
    }
    if (this.disposed) return;
    this.watchExit();
    // with a health check, a task runs (and takes traffic) once healthy, as swarmkit's does
    const id = this.containerId;
    const health = await this.deps.containers.healthSettled(id).catch(() => 'ended' as const);
    if (this.disposed || id !== this.containerId || this.stopping) return;
    if (health === 'unhealthy') {
      this.report('failed', { message: 'started', err: 'task: container is unhealthy', containerId: id });
      this.stopping = true;
      await this.deps.containers
        .stop(id)
        .catch((error: Error) => this.deps.warn(`stopping ${id}: ${error.message}`));
      return;
    }
    if (health === 'ended') return; // its exit is reported by watchExit
    this.report('running', { message: 'started', containerId: id });
  }

  private watchExit(): void {
    const id = this.containerId;
    this.deps.containers.wait(id).then(
      (state) => void this.exited(id, state),
      (error: Error) => this.deps.warn(`waiting on task ${this.task.id}: ${error.message}`),
    );
  }

  private async exited(id: string, state: ContainerRecord['state']): Promise<void> {
    if (this.disposed || id !== this.containerId) return;
    if (this.stopping) return; // shutdown() reports it
    const ended = statusOfContainer({ id, state }, this.deps.now());
    if (!ended || !isTerminal(ended.state)) {
      this.report('failed', { err: `task: container is ${state.status}`, containerId: id });
      return;
    }
    // what it wrote last goes with the news: its container goes once the task is history
    const logTail = (await this.deps.logTail?.(id).catch(() => [])) ?? [];
    if (this.disposed || id !== this.containerId || this.stopping) return;
    this.send(logTail.length ? { ...ended, logTail } : ended);
  }

  private async shutdown(remove: boolean): Promise<void> {
    if (this.containerId && !isTerminal(this.observed)) {
      this.stopping = true;
      if (this.observed === 'running' && this.task.networks?.length && this.deps.drainMs)
        await new Promise((resolve) => setTimeout(resolve, this.deps.drainMs));
      try {
        await this.deps.containers.stop(this.containerId);
      } catch (error) {
        this.deps.warn(`stopping task ${this.task.id}: ${(error as Error).message}`);
      }
    }
    if (!isTerminal(this.observed))
      this.report('shutdown', { message: 'shutdown', containerId: this.containerId });
    if (remove && this.containerId) await this.removeContainer();
  }

  private async removeContainer(): Promise<void> {
    const id = this.containerId;
    this.containerId = '';
    this.stopping = true;
    await this.deps.containers.remove(id, { force: true }).catch((error: Error) => {
      if (!/No such container/.test(error.message))
        this.deps.warn(`removing task container ${id}: ${error.message}`);
    });
    this.deps.files?.release(this.task.id);
  }

  /** A container found for this task (agent restart): take over where it stands. */
  private adopt(container: ContainerRecord): void {
    this.containerId = container.id;
    const now = statusOfContainer(container, this.deps.now());
    if (!now) {
      this.observed = 'ready';
      return;
    }
    this.send(now);
    if (now.state === 'running') this.watchExit();
  }

  private report(state: TaskState, fields: Partial<TaskStatus> = {}): void {
    this.send(status(state, this.deps.now(), fields));
  }

  private send(next: TaskStatus): void {
    if (this.disposed) return; // no longer this machine's task: nothing more to say
    if (taskStateRank(next.state) <= taskStateRank(this.observed) && next.state !== this.observed) return;
    this.observed = next.state;
    this.deps.report(next);
  }
}
