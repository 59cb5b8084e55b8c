import { Injectable } from '@nestjs/common';
import * as crypto from 'node:crypto';
import type { CLUSTER_SERVICE, DISPATCHER_SERVICE } from '@berth/proto';
import { Channel } from '@berth/proto/channel';
import type { CallContext, RequestFor, ResponseFor } from '@berth/proto/server';
import { CLUSTER_SERVICE as CLUSTER_API, GrpcClient } from '@berth/proto';
import { ClusterService } from '../cluster/cluster.service';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { PresenceService } from '../presence/presence.service';
import { ServicesService } from '../services/services.service';

type LogRecord = ResponseFor<typeof CLUSTER_SERVICE, 'ServiceLogs'>;
type Published = RequestFor<typeof DISPATCHER_SERVICE, 'PublishLogs'>;

interface Subscription {
  out: Channel<LogRecord>;
  /** nodes that have not said they are done, and (as "manager ADDRESS") other managers' streams */
  waiting: Set<string>;
}

type ClientBundle = Awaited<ReturnType<ClusterService['issueClient']>>;

/**
 * `berth service logs`: the manager asks, over their sessions, every node that ran a task of the
 * service for its logs (as swarmkit's log broker does); the nodes publish records back, and the
 * manager merges them into one stream. Nodes whose session another manager holds are asked
 * through that manager (held_here_only), with a client certificate this manager issued itself.
 */
@Injectable()
export class LogsService {
  private readonly subscriptions = new Map<string, Subscription>();

  private peerIdentity: Promise<ClientBundle> | null = null;

  constructor(
    private readonly dispatcher: DispatcherService,
    private readonly services: ServicesService,
    private readonly presence: PresenceService,
    private readonly cluster: ClusterService,
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
    if (!request.heldHereOnly) {
      const elsewhere = await this.heldElsewhere(
        [...byNode.keys()].filter((n) => !subscription.waiting.has(n)),
      );
      for (const address of elsewhere) {
        const key = `manager ${address}`;
        subscription.waiting.add(key);
        void this.relay(address, request, subscription, context.signal).finally(() => {
          subscription.waiting.delete(key);
          if (!subscription.waiting.size) subscription.out.close();
        });
      }
    }
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

  /** The other managers that hold the sessions of NODE_IDS, by address. */
  private async heldElsewhere(nodeIds: string[]): Promise<string[]> {
    if (!nodeIds.length) return [];
    const holders = await this.presence.sessionHolders().catch(() => new Map<string, string>());
    return [...new Set(nodeIds.map((id) => holders.get(id)).filter((a): a is string => !!a))];
  }

  /** The records another manager has for REQUEST, from the nodes it holds, into SUBSCRIPTION. */
  private async relay(
    address: string,
    request: RequestFor<typeof CLUSTER_SERVICE, 'ServiceLogs'>,
    subscription: Subscription,
    signal: AbortSignal,
  ): Promise<void> {
    this.peerIdentity ??= this.cluster.issueClient('manager-logs');
    const identity = await this.peerIdentity;
    const peer = new GrpcClient(
      CLUSTER_API,
      { address, tls: { ca: identity.caPem, cert: identity.certPem, key: identity.keyPem } },
      { what: 'another manager', hint: 'it holds the sessions of some of the nodes' },
    );
    const stop = () => void peer.close();
    signal.addEventListener('abort', stop);
    try {
      for await (const record of peer.stream('ServiceLogs', { ...request, heldHereOnly: true }))
        subscription.out.push(record);
    } catch {
      // that manager went away: its nodes' logs are missing from this answer
    } finally {
      signal.removeEventListener('abort', stop);
      await peer.close();
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
