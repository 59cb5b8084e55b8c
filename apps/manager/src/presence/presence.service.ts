import * as crypto from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DecodeError, decodeJson, decoders } from '@berth/cluster';
import { Presence } from '@berth/store';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { StateService } from '../state/state.service';
import { ClusterService } from '../cluster/cluster.service';

/**
 * Under `presence/managers/<id>`: each serving manager's address and the node it is a role of,
 * for agents, the CLI and `node ls`.
 */
const MANAGERS = 'managers/';
/** Under `presence/sessions/<node id>`: the id of the manager that holds the node's session. */
const SESSIONS = 'sessions/';

/** What a manager says of itself under MANAGERS. */
interface ManagerEntry {
  addr: string;
  /** empty for a manager no agent has attached to a node (started on its own) */
  nodeId: string;
}

const decodeEntry = decoders.entry(
  'manager',
  decoders.object<ManagerEntry>({
    addr: decoders.string(decoders.LIMITS.text),
    nodeId: decoders.withDefault(decoders.string(decoders.LIMITS.name), () => ''),
  }),
);

/** Another manager's entry; one that is not (another version's, or garbage) is left out. */
function parseEntry(value: string): ManagerEntry | null {
  try {
    return decodeJson(value, decodeEntry);
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
}

function entries(all: ReadonlyMap<string, string>): Map<string, ManagerEntry> {
  const parsed = new Map<string, ManagerEntry>();
  for (const [id, value] of all) {
    const entry = parseEntry(value);
    if (entry) parsed.set(id, entry);
  }
  return parsed;
}

const addressesOf = (all: ReadonlyMap<string, string>): string[] =>
  [...new Set([...entries(all).values()].map((e) => e.addr))].sort();

/**
 * Who is up right now, in etcd keys that end with their process (libs/store Presence): this
 * manager (so agents learn every manager's address) and the agent sessions it holds (so the
 * leader tells a node silent to every manager from one that moved to another manager).
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly log = new Logger('presence');
  /** this manager process, among the others */
  readonly managerId = crypto.randomBytes(8).toString('hex');
  private presence: Presence | null = null;

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly state: StateService,
    private readonly cluster: ClusterService,
  ) {}

  /** Says this manager is up (and keeps saying it); resolves once etcd has heard it. */
  async start(): Promise<void> {
    if (this.presence) return;
    // as long as a node's grace period: a dead manager's sessions are gone by the time it counts
    this.presence = new Presence(
      this.state.store,
      Math.max(1, Math.ceil(this.config.heartbeatGraceMs / 1000)),
    );
    await this.presence.start();
    await this.announce();
    this.log.log(`manager ${this.managerId} present at ${this.config.advertiseAddr}`);
  }

  /** Says (again) where this manager serves and which node it is a role of. */
  async announce(): Promise<void> {
    const entry: ManagerEntry = {
      addr: this.config.advertiseAddr,
      nodeId: this.cluster.ownNodeId() ?? '',
    };
    await this.presence?.set(`${MANAGERS}${this.managerId}`, JSON.stringify(entry));
  }

  /** No longer present (its node was demoted): its keys go with its lease. */
  async stop(): Promise<void> {
    const presence = this.presence;
    this.presence = null;
    await presence?.close();
  }

  holdSession(nodeId: string): Promise<void> {
    return this.presence?.set(`${SESSIONS}${nodeId}`, this.managerId) ?? Promise.resolve();
  }

  releaseSession(nodeId: string): Promise<void> {
    return this.presence?.clear(`${SESSIONS}${nodeId}`) ?? Promise.resolve();
  }

  /** Which manager holds each node's session now: node id → manager address (its own included). */
  async sessionHolders(): Promise<Map<string, string>> {
    if (!this.presence) return new Map();
    const [sessions, managers] = await Promise.all([
      this.presence.list(SESSIONS),
      this.presence.list(MANAGERS),
    ]);
    const holders = new Map<string, string>();
    const present = entries(managers);
    for (const [nodeId, managerId] of sessions) {
      const address = present.get(managerId)?.addr;
      if (address) holders.set(nodeId, address);
    }
    return holders;
  }

  /** The running managers' addresses now, sorted. */
  async managers(): Promise<string[]> {
    if (!this.presence) return [this.config.advertiseAddr];
    return addressesOf(await this.presence.list(MANAGERS));
  }

  /** The nodes whose manager is present now: node id → the address it serves at. */
  async managerNodes(): Promise<Map<string, string>> {
    if (!this.presence) return new Map();
    const nodes = new Map<string, string>();
    for (const entry of entries(await this.presence.list(MANAGERS)).values())
      if (entry.nodeId) nodes.set(entry.nodeId, entry.addr);
    return nodes;
  }

  /** Follows the managers' addresses (sorted); returns the stop. */
  followManagers(onChange: (addresses: string[]) => void): () => void {
    if (!this.presence) throw new Error('presence not started');
    return this.presence.follow(MANAGERS, (all) => onChange(addressesOf(all)));
  }

  /**
   * Follows which nodes have a session with some manager (node id → the manager's id), as a live
   * view that changes in place; returns the stop.
   */
  followSessions(onChange: (sessions: ReadonlyMap<string, string>, changed?: string) => void): () => void {
    if (!this.presence) throw new Error('presence not started');
    return this.presence.follow(SESSIONS, onChange);
  }

  async onModuleDestroy(): Promise<void> {
    await this.presence?.close();
  }
}
