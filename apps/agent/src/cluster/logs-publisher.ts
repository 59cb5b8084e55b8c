import type { Logger } from '@nestjs/common';
import type { DISPATCHER_SERVICE, ResponseOf } from '@berth/proto';
import type { ContainersService } from '../containers/containers.service';
import type { Membership } from './membership.repository';
import { managerClient } from './manager-client';
import type { WorkerService } from './worker.service';

type Subscription = NonNullable<ResponseOf<typeof DISPATCHER_SERVICE, 'Session'>['logs']>;

const BATCH = 64;

/**
 * The agent's half of `berth service logs`: for each subscription the manager sends, read the
 * logs of the named tasks' containers here and publish them back, then say it is done.
 */
export class LogsPublisher {
  private readonly open = new Map<string, AbortController>();

  constructor(
    private readonly containers: ContainersService,
    private readonly worker: WorkerService,
    private readonly log: Logger,
  ) {}

  handle(subscription: Subscription, membership: Membership): void {
    if (subscription.close) {
      this.open.get(subscription.subscriptionId)?.abort();
      return;
    }
    if (this.open.has(subscription.subscriptionId)) return;
    const controller = new AbortController();
    this.open.set(subscription.subscriptionId, controller);
    void this.publish(subscription, membership, controller.signal)
      .catch((error: Error) => this.log.warn(`publishing logs: ${error.message}`))
      .finally(() => this.open.delete(subscription.subscriptionId));
  }

  stopAll(): void {
    for (const controller of this.open.values()) controller.abort();
  }

  private async publish(
    subscription: Subscription,
    membership: Membership,
    signal: AbortSignal,
  ): Promise<void> {
    const client = managerClient(membership);
    const call = client.duplex('PublishLogs');
    const { subscriptionId } = subscription;
    const streams = subscription.taskIds.map((taskId) =>
      this.stream(taskId, subscription, signal, (records) => call.send({ subscriptionId, records })),
    );
    await Promise.all(streams);
    call.send({ subscriptionId, records: [], done: true });
    call.end();
    for await (const _ of call) void _;
    await client.close();
  }

  private async stream(
    taskId: string,
    subscription: Subscription,
    signal: AbortSignal,
    send: (records: object[]) => void,
  ): Promise<void> {
    const container = this.worker.containerOf(taskId);
    if (!container) return;
    const slot = Number(container.config.labels['com.docker.swarm.task.name']?.split('.')[1]) || 0;
    const options = {
      follow: subscription.follow,
      sinceMs: subscription.sinceUnixMs,
      untilMs: 0,
      tail: subscription.tail,
      stdout: true,
      stderr: true,
    };
    let batch: object[] = [];
    // what was read together goes together, and goes before the log waits for more: a followed
    // log's lines so far must not wait for a full batch (or its end) to be seen
    let pending: NodeJS.Immediate | null = null;
    const flush = () => {
      if (pending) clearImmediate(pending);
      pending = null;
      if (batch.length) send(batch);
      batch = [];
    };
    try {
      for await (const entry of this.containers.logs(container.id, options, signal)) {
        batch.push({
          taskId,
          slot,
          stream: entry.stream === 'stderr' ? 2 : 1,
          timeUnixNano: Date.parse(entry.time) * 1e6,
          data: Buffer.from(entry.log),
        });
        if (batch.length >= BATCH) flush();
        else pending ??= setImmediate(flush);
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    }
    flush();
  }
}
