import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DecodeError,
  decodeHello,
  heartbeatPeriodMs,
  type Node,
  type NodeDescription,
  type Task,
} from '@berth/cluster';
import { Channel } from '@berth/proto/channel';
import type { clusterApi } from '@berth/proto';
import type { StoredObject, StoreEvent } from '@berth/store';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { FilesService } from '../files/files.service';
import { PresenceService } from '../presence/presence.service';
import { StateService } from '../state/state.service';
import { assignmentDiff, assignmentKey, isAssignedTo } from './assignments';
import { ClusterViews } from './cluster-views';
import { isNetworked } from './network-views';
import { StatusWriter } from './status-writer';
import { ClusterService } from '../cluster/cluster.service';
import { ManagerMetrics } from '../metrics/manager-metrics';

type ManagerMessage = clusterApi.cluster.v1.IManagerMessage;
type AgentMessage = clusterApi.cluster.v1.AgentMessage;

/** One agent's open session: what it was told, and where to tell it more. */
interface Session {
  nodeId: string;
  out: Channel<ManagerMessage>;
  /** task id → assignmentKey of what was last sent */
  sent: Map<string, string>;
  /** the network views last sent, as JSON */
  views: string;
  /** the node's role last sent */
  role: string;
  /** the session said in etcd (presence): awaited before the node is made ready */
  held: Promise<void>;
}

export class SessionRefused extends Error {}

/**
 * The manager's side of the agents' sessions it holds (DESIGN.md decision 5); every manager runs
 * one, leader or not, and agents may hold their session with any. The full set of a node's tasks
 * on connect, then changes; status reports and heartbeats back, written to etcd in batches. Each
 * session is said in etcd (PresenceService) while it lives; one silent for the grace period is
 * closed, and the leader (NodeLivenessService) marks down a node no manager holds a session of.
 */
@Injectable()
export class DispatcherService {
  private readonly log = new Logger('dispatcher');
  private readonly sessions = new Map<string, Session>();
  private readonly lastSeen = new Map<string, number>();
  private readonly dirtyNodes = new Set<string>();
  /** every machine's network views as the cache stands */
  private readonly views: ClusterViews;
  private stopWatching: (() => void) | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private viewsTimer: NodeJS.Timeout | null = null;
  private flushScheduled = false;
  private active = false;

  /** every manager's address, sent to agents so they can move to another */
  private managers: string[] = [];
  private stopFollowingManagers: (() => void) | null = null;
  /** the agents' status reports, on their way to etcd */
  private readonly statuses: StatusWriter;

  constructor(
    private readonly state: StateService,
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly files: FilesService,
    private readonly presence: PresenceService,
    private readonly cluster: ClusterService,
    private readonly metrics: ManagerMetrics,
  ) {
    this.statuses = new StatusWriter(state, () => this.active);
    this.views = new ClusterViews(state.cache);
  }

  /** agents' sessions held here now */
  get sessionCount(): number {
    return this.sessions.size;
  }

  get heartbeatPeriodMs(): number {
    return heartbeatPeriodMs(this.config.heartbeatGraceMs);
  }

  /** Starts serving sessions (every manager does). */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.views.reset();
    this.stopWatching = this.state.cache.onChange((event, previous) => this.onStoreEvent(event, previous));
    this.managers = [this.config.advertiseAddr];
    this.stopFollowingManagers = this.presence.followManagers((addresses) => {
      if (!addresses.length || addresses.join() === this.managers.join()) return;
      this.managers = addresses;
      for (const session of this.sessions.values()) session.out.push({ session: this.sessionInfo(session) });
    });
    const checkEveryMs = Math.max(50, this.config.heartbeatGraceMs / 6);
    let lastCheck = Date.now();
    this.heartbeatTimer = setInterval(() => {
      // this process stalled (a burst of TLS handshakes, a long pass): the agents were not
      // silent meanwhile, their heartbeats wait unread — the stall does not count against them
      const now = Date.now();
      const stalled = Math.max(0, now - lastCheck - 2 * checkEveryMs);
      lastCheck = now;
      if (stalled) for (const [id, seen] of this.lastSeen) this.lastSeen.set(id, seen + stalled);
      // after this turn's reads: heartbeats already received are counted first
      setImmediate(() => this.closeSilentSessions());
    }, checkEveryMs);
  }

  async stop(): Promise<void> {
    this.active = false;
    this.stopWatching?.();
    this.stopFollowingManagers?.();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    await this.statuses.settled();
    if (this.viewsTimer) clearTimeout(this.viewsTimer);
    await this.statuses.flush();
    for (const session of this.sessions.values()) {
      session.out.close();
      void this.presence.releaseSession(session.nodeId);
    }
    this.sessions.clear();
  }

  /**
   * What the agent needs of the cluster: where the managers are and its role; a manager node's
   * agent also gets the unlock key, for the manager beside it (the session is mutual TLS with the
   * node's certificate, and a manager node may run the cluster anyway).
   */
  private sessionInfo(session: Session): ManagerMessage['session'] {
    const role = this.state.cache.get('nodes', session.nodeId)?.spec.role ?? 'worker';
    session.role = role;
    return {
      nodeId: session.nodeId,
      heartbeatPeriodMs: this.heartbeatPeriodMs,
      managers: this.managers,
      role,
      unlockKey: role === 'manager' ? (this.cluster.heldUnlockKey() ?? '') : '',
    };
  }

  /** An agent's session: NODE_ID comes from its certificate, never from what it sends. */
  session(
    requests: AsyncIterable<AgentMessage>,
    nodeId: string,
    peer: string,
  ): AsyncIterable<ManagerMessage> {
    if (!this.active) throw new SessionRefused('this manager is starting or stopping; try another');
    const node = this.state.cache.get('nodes', nodeId);
    if (!node)
      throw new SessionRefused(`node ${nodeId} is not part of this cluster (it was removed); join again`);
    this.sessions.get(nodeId)?.out.close(); // a reconnect replaces the old session
    const held = this.presence.holdSession(nodeId).catch((error: Error) =>
      this.log.warn({
        msg: `session of node ${nodeId} not said in etcd yet: ${error.message}`,
        node: nodeId,
      }),
    );
    const session: Session = { nodeId, out: new Channel(), sent: new Map(), views: '[]', role: '', held };
    this.sessions.set(nodeId, session);
    this.lastSeen.set(nodeId, Date.now());
    session.out.push({ session: this.sessionInfo(session) });
    void this.read(requests, session, peer);
    return session.out;
  }

  /**
   * The leader marked down a node whose session this manager holds: it did not hear of the session
   * in time (its presence key was late, or lost with an etcd hiccup). Said again, and the node is
   * ready again: its tasks stay (any moved meanwhile are the reconciler's to settle, as after a return).
   */
  private stillHere(session: Session): void {
    if (Date.now() - (this.lastSeen.get(session.nodeId) ?? 0) > this.config.heartbeatGraceMs) return; // silent here too
    this.log.warn({
      msg: `node ${session.nodeId} was marked down but holds its session here: ready again`,
      node: session.nodeId,
    });
    void this.presence.holdSession(session.nodeId);
    void this.updateNode(session.nodeId, (node) =>
      node.status.state === 'down'
        ? { ...node, status: { ...node.status, state: 'ready', message: '' } }
        : node,
    ).catch((error: Error) =>
      this.log.warn({ msg: `node ${session.nodeId} ready again: ${error.message}`, node: session.nodeId }),
    );
  }

  /** Sends MESSAGE down NODE_ID's session; false when the node has none. */
  send(nodeId: string, message: ManagerMessage): boolean {
    const session = this.sessions.get(nodeId);
    session?.out.push(message);
    return session !== undefined;
  }

  private async read(requests: AsyncIterable<AgentMessage>, session: Session, peer: string): Promise<void> {
    try {
      for await (const message of requests) {
        this.lastSeen.set(session.nodeId, Date.now());
        if (message.hello) this.readHello(session, message.hello, peer);
        if (message.statuses) this.statuses.queue(session.nodeId, message.statuses.updates ?? []);
      }
    } catch (error) {
      this.log.warn({
        msg: `session of node ${session.nodeId} broke: ${(error as Error).message}`,
        node: session.nodeId,
      });
    } finally {
      if (this.sessions.get(session.nodeId) === session) {
        this.sessions.delete(session.nodeId);
        void this.presence.releaseSession(session.nodeId);
      }
      session.out.close();
    }
  }

  /** A malformed hello is refused (logged, the node stays as it was): its next hello may do. */
  private readHello(session: Session, hello: clusterApi.cluster.v1.IHello, peer: string): void {
    let description: NodeDescription;
    try {
      description = decodeHello(hello).descriptionJson;
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      this.log.warn({
        msg: `hello of node ${session.nodeId} refused: ${error.message}`,
        node: session.nodeId,
      });
      return;
    }
    // not awaited: its write may wait for etcd, and the heartbeats behind it must still count
    void this.hello(session, description, peer).catch((error: Error) => {
      this.log.warn({
        msg: `hello of node ${session.nodeId}: ${error.message}; closing its session`,
        node: session.nodeId,
      });
      session.out.close();
    });
  }

  private async hello(session: Session, description: NodeDescription, peer: string): Promise<void> {
    const addr = peer.replace(/^ipv4:|^ipv6:/, '').replace(/:\d+$/, '');
    // ready only once its session is said in etcd: the leader would take a ready node without one for lost
    await session.held;
    await this.updateNode(session.nodeId, (node) => ({
      ...node,
      description,
      status: { state: 'ready', message: '', addr },
    }));
    this.sendFull(session);
  }

  private sendFull(session: Session): void {
    const tasks = this.assignedTasks(session.nodeId);
    const files = this.filesFor(session, tasks);
    if (!files) return; // sent once the data key is unsealed
    session.sent = new Map(tasks.map((t) => [t.id, assignmentKey(t)]));
    // views first: a task on an overlay network needs its network known when it arrives
    if (this.state.cache.list('networks').length) this.sendViews(session);
    session.out.push({
      assignments: { full: true, tasksJson: tasks.map((t) => JSON.stringify(t)), removedTaskIds: [], files },
    });
  }

  /**
   * The secrets and configs TASKS need, for the message that carries them; null when a secret
   * cannot be opened yet, and the session's assignments are sent again once it can.
   */
  private filesFor(session: Session, tasks: readonly Task[]): clusterApi.cluster.v1.IFileContent[] | null {
    const contents = this.files.contentsFor(tasks, () => {
      if (this.sessions.get(session.nodeId) !== session) return;
      if (session.sent.size === 0) this.sendFull(session);
      else this.markDirty(session.nodeId);
    });
    return (
      contents?.map((c) => ({ kind: c.kind, name: c.name, data: Buffer.from(c.data, 'base64') })) ?? null
    );
  }

  private markDirty(nodeId: string): void {
    this.dirtyNodes.add(nodeId);
    // after the watch's burst of events, and before the loops' passes (setImmediate) that the
    // same events woke: an agent waiting for its next task should not wait for those
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flushAssignments());
    }
  }

  /** The session's network views, when they changed since last sent. */
  private sendViews(session: Session): void {
    const views = this.views.viewsFor(session.nodeId);
    const json = JSON.stringify(views);
    if (json === session.views) return;
    session.views = json;
    session.out.push({ networks: { viewsJson: views.map((v) => JSON.stringify(v)) } });
  }

  /** After a burst of changes, every session's views are looked at again (only while networks exist). */
  private scheduleViews(): void {
    if (this.viewsTimer || !this.active) return;
    this.viewsTimer = setTimeout(() => {
      this.viewsTimer = null;
      const idle = !this.state.cache.list('networks').length;
      if (idle && [...this.sessions.values()].every((s) => s.views === '[]')) return;
      for (const session of this.sessions.values()) this.sendViews(session);
    }, 50);
  }

  private assignedTasks(nodeId: string): Task[] {
    return this.state.cache.tasksOnNode(nodeId).filter((task) => isAssignedTo(task, nodeId));
  }

  private onStoreEvent(event: StoreEvent, previous: StoredObject | undefined): void {
    if (this.views.observe(event)) this.scheduleViews();
    if (event.kind === 'nodes') {
      const session = this.sessions.get(event.id);
      const node = event.object as Node | null;
      if (session && node && node.spec.role !== session.role)
        session.out.push({ session: this.sessionInfo(session) });
      if (session && node?.status.state === 'down') this.stillHere(session);
    }
    if (event.kind !== 'tasks') return;
    // the node the task was on, and the one it is on now
    for (const task of [previous as Task | undefined, event.object as Task | null])
      if (task?.nodeId && this.sessions.has(task.nodeId)) this.markDirty(task.nodeId);
  }

  private flushAssignments(): void {
    this.flushScheduled = false;
    for (const nodeId of this.dirtyNodes) {
      const session = this.sessions.get(nodeId);
      if (!session) continue;
      const { changed, removed } = assignmentDiff(session.sent, this.assignedTasks(nodeId));
      if (!changed.length && !removed.length) continue;
      const files = this.filesFor(session, changed);
      if (!files) continue;
      if (changed.some(isNetworked)) this.sendViews(session);
      for (const task of changed) session.sent.set(task.id, assignmentKey(task));
      for (const id of removed) session.sent.delete(id);
      session.out.push({
        assignments: {
          full: false,
          tasksJson: changed.map((t) => JSON.stringify(t)),
          removedTaskIds: removed,
          files,
        },
      });
    }
    this.dirtyNodes.clear();
  }

  /** Sessions whose agent fell silent for the grace period are closed (and no longer said in etcd). */
  private closeSilentSessions(): void {
    const now = Date.now();
    for (const session of this.sessions.values()) {
      if (now - (this.lastSeen.get(session.nodeId) ?? 0) <= this.config.heartbeatGraceMs) continue;
      this.log.warn({
        msg: `node ${session.nodeId} missed its heartbeats: closing its session`,
        node: session.nodeId,
      });
      this.metrics.heartbeatMisses.inc();
      this.sessions.delete(session.nodeId);
      session.out.close();
      void this.presence.releaseSession(session.nodeId);
    }
  }

  /** Read-modify-write of one node, retried when it loses to another writer. */
  async updateNode(nodeId: string, change: (node: Node) => Node): Promise<Node | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const node = this.state.cache.get('nodes', nodeId);
      if (!node) return null;
      const result = await this.state.commit([{ op: 'update', kind: 'nodes', object: change(node) }]);
      if (!result.conflicts.length) return result.written[0] as Node;
    }
    throw new Error(`node ${nodeId} kept changing while being updated`);
  }
}
