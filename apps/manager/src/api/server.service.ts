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
import { ClusterController } from './cluster.controller';
import { DispatcherController } from './dispatcher.controller';

/**
 * The manager's two listeners: the local unix socket (root only; `cluster init` and any CLI call
 * on the manager's machine) and, once a cluster exists, the TLS port for agents and remote CLIs.
 */
@Injectable()
export class ServerService implements OnApplicationShutdown {
  private readonly log = new Logger('server');
  private local: grpc.Server | null = null;
  private tls: grpc.Server | null = null;

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly cluster: ClusterService,
    private readonly clusterApi: ClusterController,
    private readonly dispatcherApi: DispatcherController,
    private readonly leadership: LeadershipService,
    private readonly presence: PresenceService,
    private readonly dispatcher: DispatcherService,
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
          this.clusterApi.handlers(true, () => this.clusterInitialized()),
        ),
      ],
      toStatus,
    );
    fs.chmodSync(socket, 0o600);
    this.log.log(`serving the cluster API on unix://${socket}`);
    if (this.cluster.current()) await this.clusterInitialized();
    else this.log.log('no cluster yet: run `berth cluster init` on this machine');
  }

  async clusterInitialized(): Promise<void> {
    if (this.tls) return;
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
          this.clusterApi.handlers(false, () => this.clusterInitialized()),
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
  }

  private offered<S extends ServiceTable>(table: S, handlers: Offered<S>['handlers']): Offered<ServiceTable> {
    return { table, handlers } as unknown as Offered<ServiceTable>;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.leadership.stop();
    await this.dispatcher.stop();
    for (const server of [this.tls, this.local]) server?.forceShutdown();
    fs.rmSync(this.config.socket, { force: true });
  }
}
