import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type * as grpc from '@grpc/grpc-js';
import { CLUSTER_SERVICE, DISPATCHER_SERVICE, type ServiceTable } from '@berth/proto';
import { socketAnswers, serveAll, type Offered } from '@berth/proto/server';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { ClusterService } from '../cluster/cluster.service';
import { toStatus } from '../errors';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { LeadershipService } from '../leadership/leadership.service';
import { PresenceService } from '../presence/presence.service';
import { StateService } from '../state/state.service';
import { servingDecision } from '../cluster/manager-role';
import { DashboardService } from '../dashboard/dashboard.service';
import { ClusterController } from './cluster.controller';
import { DispatcherController } from './dispatcher.controller';

/**
 * The manager's two listeners: the local unix socket (root only; `cluster init`, the agent beside
 * it, any CLI call on the manager's machine) and the TLS port for agents and remote CLIs, served
 * with the dispatcher, presence and a candidacy for leader while servingDecision says so: a
 * cluster exists, this manager holds its unlock key, and its node is a manager (a demoted node's
 * manager stops serving and waits for a promote).
 */
@Injectable()
export class ServerService implements OnApplicationShutdown {
  private readonly log = new Logger('server');
  private local: grpc.Server | null = null;
  private tls: grpc.Server | null = null;
  /** one change of serving at a time, in the order asked */
  private changing: Promise<void> = Promise.resolve();
  private stopWatching: (() => void) | null = null;
  private waitingWhy = '';

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly cluster: ClusterService,
    private readonly clusterApi: ClusterController,
    private readonly dispatcherApi: DispatcherController,
    private readonly leadership: LeadershipService,
    private readonly presence: PresenceService,
    private readonly dispatcher: DispatcherService,
    private readonly state: StateService,
    private readonly dashboard: DashboardService,
  ) {}

  async listen(): Promise<void> {
    const socket = this.config.socket;
    if (await socketAnswers(socket))
      throw new Error(`another manager serves ${socket}; give this one its own --socket`);
    fs.mkdirSync(path.dirname(socket), { recursive: true, mode: 0o700 });
    fs.rmSync(socket, { force: true });
    this.local = await serveAll(
      `unix://${socket}`,
      [
        this.offered(
          CLUSTER_SERVICE,
          this.clusterApi.handlers(true, () => this.reconsider()),
        ),
      ],
      toStatus,
    );
    fs.chmodSync(socket, 0o600);
    this.log.log(`serving the cluster API on unix://${socket}`);
    // a promote, a demote or the cluster made elsewhere changes what this manager does
    this.stopWatching = this.state.cache.onChange((event) => {
      if (event.kind === 'cluster' || (event.kind === 'nodes' && event.id === this.cluster.ownNodeId()))
        void this.reconsider();
    });
    await this.reconsider();
  }

  /** Serves or stops serving, as servingDecision says now. */
  reconsider(): Promise<void> {
    const next = this.changing.then(async () => {
      const ownNodeId = this.cluster.ownNodeId();
      const decision = servingDecision({
        clusterId: this.cluster.current()?.id ?? null,
        hasUnlockKey: this.cluster.heldUnlockKey() !== null,
        ownNodeId,
        ownNode: ownNodeId ? this.state.cache.get('nodes', ownNodeId) : undefined,
      });
      if (decision.serve) {
        await this.serve();
        await this.presence.announce(); // the node it is a role of may be new
        return;
      }
      if (this.tls) await this.stopServing(decision.why);
      if (decision.why !== this.waitingWhy) this.log.log(`not serving: ${decision.why}`);
      this.waitingWhy = decision.why;
    });
    this.changing = next.catch((error: Error) => this.log.error(`serving: ${error.message}`));
    return next;
  }

  private async serve(): Promise<void> {
    if (this.tls) return;
    this.waitingWhy = '';
    // present before serving: agents hear of this manager from the others, and may hold sessions here
    await this.presence.start();
    this.dispatcher.start();
    const ca = await this.cluster.loadCa();
    const own = await this.cluster.serverCertificate();
    this.tls = await serveAll(
      this.config.listen,
      [
        this.offered(
          CLUSTER_SERVICE,
          this.clusterApi.handlers(false, () => this.reconsider()),
        ),
        this.offered(DISPATCHER_SERVICE, this.dispatcherApi.handlers()),
      ],
      toStatus,
      { ca: ca.certPem, cert: own.certPem, key: own.keyPem },
    );
    this.log.log(
      `serving agents and CLIs with TLS on ${this.config.listen} (advertised as ${this.config.advertiseAddr})`,
    );
    this.leadership.start();
    // the dashboard is an extra: one that cannot start (its port taken) leaves the manager serving
    await this.dashboard.start().catch((error: Error) => this.log.error(`no dashboard: ${error.message}`));
  }

  /** Its node was demoted: out of the election, its sessions closed (their agents move on), not present. */
  private async stopServing(why: string): Promise<void> {
    this.log.warn(`stopping serving: ${why}`);
    await this.dashboard.stop();
    await this.leadership.stop();
    await this.dispatcher.stop();
    const tls = this.tls;
    this.tls = null;
    // calls under way (the demote that led here) finish; a stream still open after a second is cut
    await new Promise<void>((resolve) => {
      const cut = setTimeout(() => (tls?.forceShutdown(), resolve()), 1000);
      tls?.tryShutdown(() => (clearTimeout(cut), resolve()));
    });
    await this.presence.stop();
  }

  private offered<S extends ServiceTable>(table: S, handlers: Offered<S>['handlers']): Offered<ServiceTable> {
    return { table, handlers } as unknown as Offered<ServiceTable>;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopWatching?.();
    await this.leadership.stop();
    await this.dispatcher.stop();
    for (const server of [this.tls, this.local]) server?.forceShutdown();
    fs.rmSync(this.config.socket, { force: true });
  }
}
