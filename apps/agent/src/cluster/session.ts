import type { Logger } from '@nestjs/common';
import {
  AGENT_RECONNECT_MAX_MS,
  DecodeError,
  decodeAssignments,
  decodeNetworkViews,
  decodeSessionInfo,
  type NodeDescription,
  type Assignments,
  type NodeRole,
  type SessionInfo,
} from '@berth/cluster';
import {
  DISPATCHER_SERVICE,
  type Duplex,
  type GrpcClient,
  type RequestOf,
  type ResponseOf,
} from '@berth/proto';
import { managerClient } from './manager-client';
import type { Membership } from './membership.repository';
import type { WorkerService } from './worker.service';
import type { LogsPublisher } from './logs-publisher';
import type { TaskExecRelay } from './task-exec';
import type { NetworkViewsService } from './network-views.service';

type Session = Duplex<
  RequestOf<typeof DISPATCHER_SERVICE, 'Session'>,
  ResponseOf<typeof DISPATCHER_SERVICE, 'Session'>
>;

/**
 * How often the agent pings its manager: a session over a cut link is dropped after at most twice
 * this, and a connect that does not complete within it is given up (then the agent tries the next
 * manager), well inside a node's grace period.
 */
const SESSION_PING_MS = 1000;

/**
 * The agent's one session with a manager (DESIGN.md decision 5): hello, then heartbeats and
 * status reports up, assignments down. Any manager serves it; they tell the agent every
 * manager's address, and when its manager goes away it tries the next at once, waiting (at most
 * AGENT_RECONNECT_MAX_MS, growing) only once it has tried them all.
 */
export class DispatcherSession {
  private stopped = false;
  private client: GrpcClient<typeof DISPATCHER_SERVICE> | null = null;
  private call: Session | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private flushScheduled = false;
  private retry: NodeJS.Timeout | null = null;
  private wakeRetry: (() => void) | null = null;

  constructor(
    private readonly membership: Membership,
    private readonly worker: WorkerService,
    private readonly logs: LogsPublisher,
    private readonly execs: TaskExecRelay,
    private readonly views: NetworkViewsService,
    private readonly describe: () => NodeDescription,
    private readonly log: Logger,
    /** keeps the membership (the managers' addresses) across restarts */
    private readonly save: (membership: Membership) => void = () => undefined,
    /** the node's role as the managers say it (with the unlock key, to a manager node) */
    private readonly roleSaid: (role: NodeRole, unlockKey: string) => void = () => undefined,
  ) {}

  start(): void {
    void this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.worker.onReports(null);
    if (this.retry) clearTimeout(this.retry);
    this.wakeRetry?.();
    this.logs.stopAll();
    this.execs.stopAll();
    this.call?.cancel();
    await this.client?.close().catch(() => undefined);
  }

  private async loop(): Promise<void> {
    let backoffMs = 100;
    let failedInARow = 0;
    while (!this.stopped) {
      const started = Date.now();
      try {
        await this.runOnce();
      } catch (error) {
        if (!this.stopped)
          this.log.warn(
            `session with the manager at ${this.membership.managerAddr}: ${(error as Error).message}`,
          );
      } finally {
        this.cleanup();
      }
      if (this.stopped) return;
      const held = Date.now() - started > 10_000;
      failedInARow = held ? 1 : failedInARow + 1;
      const candidates = managersOf(this.membership);
      // the next manager at once; a pause only after a whole round of them failed
      this.membership.managerAddr =
        candidates[(candidates.indexOf(this.membership.managerAddr) + 1) % candidates.length];
      if (failedInARow < candidates.length && candidates.length > 1) continue;
      failedInARow = 0;
      // never more than AGENT_RECONNECT_MAX_MS: a manager back after a restart gives nodes only
      // its grace period (and twice this) to return before it marks them down
      backoffMs = held ? 100 : Math.min(backoffMs * 2, AGENT_RECONNECT_MAX_MS);
      await new Promise<void>((resolve) => {
        this.wakeRetry = resolve;
        this.retry = setTimeout(resolve, backoffMs);
      });
    }
  }

  /** What the managers say of themselves: kept, and where to go next time. */
  private learnManagers(addresses: readonly string[]): void {
    if (!addresses.length || addresses.join() === (this.membership.managers ?? []).join()) return;
    this.membership.managers = [...addresses];
    this.save(this.membership);
  }

  private async runOnce(): Promise<void> {
    this.client = managerClient(this.membership, SESSION_PING_MS);
    const call = this.client.duplex('Session');
    this.call = call;
    call.send({ hello: { descriptionJson: JSON.stringify(this.describe()) } });
    this.worker.onReports(() => this.scheduleFlush());
    for await (const message of call) {
      try {
        await this.handle(message);
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error;
        // the message changes nothing; the session goes on (the next full set puts things right)
        this.log.warn(
          `a message from the manager at ${this.membership.managerAddr} refused: ${error.message}`,
        );
      }
    }
  }

  /** One message of the manager's, decoded before anything acts on it (DecodeError if malformed). */
  private async handle(message: ResponseOf<typeof DISPATCHER_SERVICE, 'Session'>): Promise<void> {
    if (message.session) this.sessionSaid(decodeSessionInfo(message.session));
    if (message.assignments) await this.assign(decodeAssignments(message.assignments));
    if (message.logs) this.logs.handle(message.logs, this.membership);
    if (message.exec) this.execs.handle(message.exec, this.membership);
    if (message.networks) this.views.replace(decodeNetworkViews(message.networks).viewsJson);
  }

  private sessionSaid(info: SessionInfo): void {
    if (info.nodeId !== this.membership.nodeId)
      throw new DecodeError(
        'value',
        'session.nodeId',
        `${info.nodeId} is not this node (${this.membership.nodeId})`,
      );
    this.startHeartbeat(info.heartbeatPeriodMs);
    this.learnManagers(info.managers);
    this.roleSaid(info.role, info.unlockKey);
  }

  private async assign(assignments: Assignments): Promise<void> {
    const { nodeId } = this.membership;
    if (assignments.full) await this.worker.applyFull(nodeId, assignments.tasksJson, assignments.files);
    else
      await this.worker.applyChanges(
        nodeId,
        assignments.tasksJson,
        assignments.removedTaskIds,
        assignments.files,
      );
  }

  private startHeartbeat(periodMs: number): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.call?.send({ heartbeat: {} }), periodMs);
  }

  /** Reports leave in batches: everything that happened in one turn of the event loop. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const reports = this.worker.takeReports();
      if (!reports.length || !this.call) return;
      this.call.send({
        statuses: {
          updates: reports.map((r) => ({ taskId: r.taskId, statusJson: JSON.stringify(r.status) })),
        },
      });
    });
  }

  private cleanup(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.call = null;
    this.worker.onReports(null);
    void this.client?.close().catch(() => undefined);
    this.client = null;
  }
}

/** The managers to try, the current one first. */
export function managersOf(membership: Pick<Membership, 'managerAddr' | 'managers'>): string[] {
  return [...new Set([membership.managerAddr, ...(membership.managers ?? [])])];
}
