import { Logger } from '@nestjs/common';
import { DecodeError, decodeStatusReport, type ReportedStatus } from '@berth/cluster';
import type { clusterApi } from '@berth/proto';
import type { Write } from '@berth/store';
import type { StateService } from '../state/state.service';
import { applyStatus, type StatusRefusal } from './status-updates';

/** how long reports whose write failed wait before they are tried again */
const STATUS_RETRY_MS = 100;

/**
 * The agents' status reports on their way to etcd: decoded, checked against the task
 * (applyStatus), and written in batches, one write at a time. Part of the DispatcherService,
 * which hands it the reports its sessions read and says whether it is serving (IS_ACTIVE).
 */
export class StatusWriter {
  private readonly log = new Logger('dispatcher');
  private pending = new Map<string, { nodeId: string; status: ReportedStatus }>();
  /** a status write is due once the current turn's work is done */
  private flushDue = false;
  /** the status write in flight: reports arriving meanwhile wait for it and go in the next one */
  private writing: Promise<void> | null = null;

  constructor(
    private readonly state: StateService,
    private readonly isActive: () => boolean,
  ) {}

  /** Each report decoded on its own: a malformed one is refused (logged), the others still count. */
  queue(nodeId: string, updates: clusterApi.cluster.v1.ITaskStatusUpdate[]): void {
    updates.forEach((update, i) => {
      try {
        const { taskId, statusJson } = decodeStatusReport(update, `statuses.updates[${i}]`);
        this.pending.set(taskId, { nodeId, status: statusJson });
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error;
        this.log.warn({ msg: `report of node ${nodeId} refused: ${error.message}`, node: nodeId });
      }
    });
    this.schedule();
  }

  /** Once the write in flight (if any) is done. */
  async settled(): Promise<void> {
    await this.writing;
  }

  /**
   * Reports are written as soon as the message that brought them is handled (before the passes
   * of loops already woken), one write at a time: those that come while a write is in flight go
   * together in the next (no fixed delay, batches grow with load).
   */
  private schedule(): void {
    if (this.flushDue || this.writing || !this.pending.size) return;
    this.flushDue = true;
    queueMicrotask(() => {
      this.flushDue = false;
      if (!this.isActive()) return;
      this.writing = this.flush().finally(() => {
        this.writing = null;
        if (this.isActive()) this.schedule();
      });
    });
  }

  /** Writes the reports received since the last flush; one that lost to a concurrent write is retried. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    const writes: Write[] = [];
    for (const [taskId, { nodeId, status }] of batch) {
      const verdict = applyStatus(this.state.cache.get('tasks', taskId), nodeId, status, taskId);
      if (verdict.apply) writes.push({ op: 'update', kind: 'tasks', object: verdict.task });
      else this.logRefusal(verdict.refusal);
    }
    if (!writes.length) return;
    try {
      const result = await this.state.commit(writes);
      for (const lost of result.conflicts) {
        const entry = batch.get(lost.object.id);
        if (entry && !this.pending.has(lost.object.id)) this.pending.set(lost.object.id, entry);
      }
    } catch (error) {
      this.log.error(`writing task statuses failed: ${(error as Error).message}`);
      for (const [id, entry] of batch) if (!this.pending.has(id)) this.pending.set(id, entry);
      if (this.isActive()) await new Promise((resolve) => setTimeout(resolve, STATUS_RETRY_MS)); // etcd away: no tight retry
    }
  }

  /**
   * A report on another node's task is a confused or hostile agent: said. One going backwards
   * or on a task gone is mostly late news (a task the leader gave up on, then removed): quietly.
   */
  private logRefusal(refusal: StatusRefusal): void {
    const record = { msg: refusal.message, node: refusal.nodeId, task: refusal.taskId };
    if (refusal.reason === 'other-node') this.log.warn(record);
    else if (refusal.reason !== 'nothing-new') this.log.debug(record);
  }
}
