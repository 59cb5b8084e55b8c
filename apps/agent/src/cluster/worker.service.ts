import * as path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { decoders, type Task, type TaskStatus } from '@berth/cluster';
import { ContainersService } from '../containers/containers.service';
import type { ContainerRecord } from '../containers/model';
import { TASK_ID_LABEL } from './task-container';
import { TaskRunner } from './task-runner';
import { contentsOf, contentsUsed, TaskFiles, type DeliveredFile } from './task-files';
import { AGENT_CONFIG } from '../tokens';
import type { AgentConfig } from '../config';

/**
 * Turns this machine's assignments into containers (swarmkit's worker): one runner per task,
 * idempotent across reconnects and agent restarts (a task's container is found by its label).
 * Status reports wait here until the session sends them.
 */
/**
 * How long a task on networks keeps serving after it was told to stop: long enough for every
 * machine's load balancing to drop it (views travel in well under this), so no new connection
 * reaches a container that is going away.
 */
const DRAIN_MS = 2000;
/** how much of an ended task's log goes with its status: enough to say why, little to keep */
const LOG_TAIL_LINES = 10;
const LOG_TAIL_WIDTH = 300;
const { LIMITS } = decoders;

@Injectable()
export class WorkerService {
  private readonly log = new Logger('worker');
  private readonly runners = new Map<string, TaskRunner>();
  private readonly latest = new Map<string, TaskStatus>();
  private outbox = new Map<string, TaskStatus>();
  private listener: (() => void) | null = null;

  /** the content of each secret and config this machine's tasks use, as the manager sent it */
  private contents = new Map<string, Buffer>();
  private readonly taskFiles: TaskFiles;

  constructor(
    private readonly containers: ContainersService,
    @Inject(AGENT_CONFIG) config: AgentConfig,
  ) {
    this.taskFiles = new TaskFiles(path.join(config.execRoot, 'task-files'));
  }

  /** Called whenever reports are waiting to be sent. */
  onReports(listener: (() => void) | null): void {
    this.listener = listener;
  }

  /** The manager's full list for node NODE_ID (this machine): anything not in it is no longer its own. */
  async applyFull(nodeId: string, listed: Task[], files: readonly DeliveredFile[] = []): Promise<void> {
    const tasks = this.ownTasks(nodeId, listed);
    this.contents = contentsOf(files);
    const wanted = new Set(tasks.map((t) => t.id));
    for (const [id, runner] of this.runners) if (!wanted.has(id)) await this.drop(id, runner);
    for (const container of this.taskContainers())
      if (
        !wanted.has(container.config.labels[TASK_ID_LABEL]) &&
        !this.runners.has(container.config.labels[TASK_ID_LABEL])
      )
        await this.containers.remove(container.id, { force: true }).catch(() => undefined);
    for (const task of tasks) this.upsert(task);
    this.forgetUnusedContents();
    // a report sent just before a broken session may have been lost: say where every task stands
    for (const [id, status] of this.latest) if (wanted.has(id)) this.outbox.set(id, status);
    this.flag();
  }

  async applyChanges(
    nodeId: string,
    changed: Task[],
    removedIds: string[],
    files: readonly DeliveredFile[] = [],
  ): Promise<void> {
    const tasks = this.ownTasks(nodeId, changed);
    for (const [key, content] of contentsOf(files)) this.contents.set(key, content);
    for (const id of removedIds) {
      const runner = this.runners.get(id);
      if (runner) await this.drop(id, runner);
    }
    for (const task of tasks) this.upsert(task);
    this.forgetUnusedContents();
  }

  /**
   * The tasks assigned to NODE_ID; any other is refused (logged, not run): a manager that sends
   * another node's task is wrong, and running it would run it twice.
   */
  private ownTasks(nodeId: string, tasks: Task[]): Task[] {
    const refused = tasks.filter((t) => t.nodeId !== nodeId);
    for (const task of refused)
      this.log.warn({
        msg: `task ${task.id} refused: it is assigned to node ${task.nodeId || '(none)'}, not this node (${nodeId})`,
        task: task.id,
        service: task.serviceId,
        node: nodeId,
      });
    return refused.length ? tasks.filter((t) => t.nodeId === nodeId) : tasks;
  }

  /** Secrets and configs no task here uses any more leave this machine's memory. */
  private forgetUnusedContents(): void {
    if (this.contents.size)
      this.contents = contentsUsed(
        this.contents,
        [...this.runners.values()].map((r) => r.current),
      );
  }

  /** Every report since the last call, the newest per task. */
  takeReports(): { taskId: string; status: TaskStatus }[] {
    const reports = [...this.outbox].map(([taskId, status]) => ({ taskId, status }));
    this.outbox = new Map();
    return reports;
  }

  /** Leaving the cluster: every task's container goes. */
  async stopAll(): Promise<void> {
    for (const [id, runner] of this.runners) await this.drop(id, runner);
    for (const container of this.taskContainers())
      await this.containers.remove(container.id, { force: true }).catch(() => undefined);
  }

  containerOf(taskId: string): ContainerRecord | undefined {
    return this.taskContainers().find((c) => c.config.labels[TASK_ID_LABEL] === taskId);
  }

  private upsert(task: Task): void {
    const runner = this.runners.get(task.id);
    if (runner) return runner.update(task);
    const created = new TaskRunner(
      task,
      {
        containers: this.containers,
        report: (status) => this.report(task.id, status),
        now: Date.now,
        warn: (message) =>
          this.log.warn({ msg: message, task: task.id, service: task.serviceId, node: task.nodeId }),
        drainMs: DRAIN_MS,
        logTail: (containerId) => this.logTail(containerId),
        files: {
          prepare: (t) => this.taskFiles.prepare(t, this.contents),
          release: (taskId) => this.taskFiles.release(taskId),
        },
      },
      this.containerOf(task.id),
    );
    this.runners.set(task.id, created);
    created.kick();
  }

  /** The last LOG_TAIL_LINES lines CONTAINER_ID wrote (stdout and stderr), each cut to LOG_TAIL_WIDTH. */
  private async logTail(containerId: string): Promise<string[]> {
    const lines: string[] = [];
    const options = {
      follow: false,
      sinceMs: 0,
      untilMs: 0,
      tail: LOG_TAIL_LINES,
      stdout: true,
      stderr: true,
    };
    for await (const entry of this.containers.logs(containerId, options, AbortSignal.timeout(2_000)))
      lines.push(entry.log.replace(/\n$/, '').slice(0, LOG_TAIL_WIDTH));
    return lines.slice(-LOG_TAIL_LINES);
  }

  private async drop(id: string, runner: TaskRunner): Promise<void> {
    this.runners.delete(id);
    this.latest.delete(id);
    this.outbox.delete(id);
    await runner.dispose();
  }

  /** A runner's report; a runner dropped since says nothing (it checks that itself). */
  private report(taskId: string, reported: TaskStatus): void {
    const status = withinLimits(reported);
    this.latest.set(taskId, status);
    this.outbox.set(taskId, status);
    this.flag();
  }

  private flag(): void {
    if (this.outbox.size) this.listener?.();
  }

  private taskContainers(): ContainerRecord[] {
    return this.containers.list(true).filter((c) => c.config.labels[TASK_ID_LABEL]);
  }
}

/**
 * STATUS cut to what a manager accepts (its decoder refuses longer): an error's text can be any
 * length (a failed pull's), and a report refused would leave the task where it was.
 */
function withinLimits(status: TaskStatus): TaskStatus {
  const cut = (text: string) =>
    text.length > LIMITS.message ? `${text.slice(0, LIMITS.message - 1)}…` : text;
  const clipped = { ...status, message: cut(status.message), err: cut(status.err) };
  if (status.logTail) clipped.logTail = status.logTail.slice(-LIMITS.logLines).map(cut);
  return clipped;
}
