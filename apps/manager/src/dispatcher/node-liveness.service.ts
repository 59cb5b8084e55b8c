import { Inject, Injectable, Logger } from '@nestjs/common';
import { AGENT_RECONNECT_MAX_MS } from '@berth/cluster';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { PresenceService } from '../presence/presence.service';
import { StateService } from '../state/state.service';
import { silentNodes, type Liveness } from './liveness';

/**
 * The leader's watch over the nodes (DESIGN.md decision 8): a node is down once no manager has
 * held its session for a while — its own manager closes a session silent for the grace period,
 * and an agent whose manager died takes AGENT_RECONNECT_MAX_MS or so to find another. A leader
 * that starts gives every node a fresh grace period first: a leader change touches no task.
 */
@Injectable()
export class NodeLivenessService {
  private readonly log = new Logger('liveness');
  /** node id → the manager holding its session: a live view, changed in place by presence */
  private present: ReadonlyMap<string, string> = new Map();
  private readonly lastPresent = new Map<string, number>();
  private stopFollowing: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly state: StateService,
    private readonly presence: PresenceService,
  ) {}

  /** How long a node may be without a session anywhere: its agent is moving to another manager. */
  get absenceMs(): number {
    return 2 * AGENT_RECONNECT_MAX_MS;
  }

  start(): void {
    if (this.timer) return;
    // a fresh grace period for every node, with the agents' time to find a manager (absenceMs) on top
    const until = Date.now() + this.config.heartbeatGraceMs;
    this.present = new Map();
    this.lastPresent.clear();
    for (const node of this.state.cache.list('nodes')) this.lastPresent.set(node.id, until);
    this.stopFollowing = this.presence.followSessions((present, changed) => {
      this.present = present;
      // a session said or ended now was there until now (the others are seen at each check)
      const now = Date.now();
      for (const id of changed === undefined ? present.keys() : [changed])
        this.lastPresent.set(id, Math.max(now, this.lastPresent.get(id) ?? 0));
    });
    this.timer = setInterval(() => void this.check(), Math.max(50, this.config.heartbeatGraceMs / 6));
  }

  stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const now = Date.now();
      const nodes = this.state.cache.list('nodes');
      for (const id of this.present.keys())
        this.lastPresent.set(id, Math.max(now, this.lastPresent.get(id) ?? 0));
      // a node that joined since this leader started is given the absence from when it was first seen:
      // its hello may make it ready before its manager's presence key for it arrives
      for (const node of nodes) if (!this.lastPresent.has(node.id)) this.lastPresent.set(node.id, now);
      const liveness: Liveness = { present: this.present, lastPresent: this.lastPresent };
      const silent = silentNodes(nodes, liveness, now, this.absenceMs);
      if (!silent.length) return;
      for (const node of silent)
        this.log.warn({
          msg: `node ${node.id} (${node.description.hostname}) has no session with any manager: down`,
          node: node.id,
        });
      // all in one commit: 500 machines lost at once are down in one round trip, not 500
      // (one that changed meanwhile is looked at again at the next check)
      await this.state.commit(
        silent.map((node) => ({
          op: 'update' as const,
          kind: 'nodes' as const,
          object: {
            ...node,
            status: { ...node.status, state: 'down' as const, message: 'heartbeat failure' },
          },
        })),
      );
    } catch (error) {
      this.log.warn(`marking silent nodes down: ${(error as Error).message}`);
    } finally {
      this.checking = false;
    }
  }
}
