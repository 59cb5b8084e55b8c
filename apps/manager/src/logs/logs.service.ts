import { Injectable } from '@nestjs/common';
import * as crypto from 'node:crypto';
import type { CLUSTER_SERVICE, DISPATCHER_SERVICE } from '@berth/proto';
import { Channel } from '@berth/proto/channel';
import type { CallContext, RequestFor, ResponseFor } from '@berth/proto/server';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { ServicesService } from '../services/services.service';

type LogRecord = ResponseFor<typeof CLUSTER_SERVICE, 'ServiceLogs'>;
type Published = RequestFor<typeof DISPATCHER_SERVICE, 'PublishLogs'>;

interface Subscription {
  out: Channel<LogRecord>;
  /** nodes that have not said they are done */
  waiting: Set<string>;
}

/**
 * `berth service logs`: the manager asks, over their sessions, every node that ran a task of the
 * service for its logs (as swarmkit's log broker does); the nodes publish records back, and the
 * manager merges them into one stream.
 */
@Injectable()
export class LogsService {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(
    private readonly dispatcher: DispatcherService,
    private readonly services: ServicesService,
  ) {}

  async *serviceLogs(
    request: RequestFor<typeof CLUSTER_SERVICE, 'ServiceLogs'>,
    context: CallContext,
    authorize: () => Promise<void>,
  ): AsyncGenerator<LogRecord> {
    await authorize();
    const tasks = this.services.tasks({ service: request.service }).filter((t) => t.nodeId);
    const byNode = new Map<string, string[]>();
    for (const task of tasks) byNode.set(task.nodeId, [...(byNode.get(task.nodeId) ?? []), task.id]);
    const id = crypto.randomUUID();
    const subscription: Subscription = { out: new Channel(), waiting: new Set() };
    this.subscriptions.set(id, subscription);
    const ask = (nodeId: string, close: boolean) =>
      this.dispatcher.send(nodeId, {
        logs: {
          subscriptionId: id,
          taskIds: byNode.get(nodeId)!,
          follow: request.follow,
          tail: request.tail,
          sinceUnixMs: request.sinceUnixMs,
          close,
        },
      });
    for (const nodeId of byNode.keys()) if (ask(nodeId, false)) subscription.waiting.add(nodeId);
    if (!subscription.waiting.size) subscription.out.close();
    const cancel = () => subscription.out.close();
    context.signal.addEventListener('abort', cancel);
    try {
      yield* subscription.out;
    } finally {
      context.signal.removeEventListener('abort', cancel);
      this.subscriptions.delete(id);
      for (const nodeId of subscription.waiting) ask(nodeId, true);
    }
  }

  /** What a node's agent publishes for a subscription; NODE_ID comes from its certificate. */
  async publish(messages: AsyncIterable<Published>, nodeId: string): Promise<Record<string, never>> {
    for await (const message of messages) {
      const subscription = this.subscriptions.get(message.subscriptionId);
      if (!subscription) continue;
      for (const record of message.records) subscription.out.push({ ...record, nodeId });
      if (message.done) {
        subscription.waiting.delete(nodeId);
        if (!subscription.waiting.size) subscription.out.close();
      }
    }
    return {};
  }
}
