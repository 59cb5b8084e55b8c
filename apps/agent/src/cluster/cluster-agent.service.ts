import * as os from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { NodeDescription, NodeRole } from '@berth/cluster';
import { CLUSTER_SERVICE, GrpcClient, type ENGINE_SERVICE } from '@berth/proto';
import type { ResponseFor } from '@berth/proto/server';
import { createKeyAndCsr, parseJoinToken, verifyCaDigest } from '@berth/trust';
import { AGENT_CONFIG } from '../tokens';
import type { AgentConfig } from '../config';
import { ContainersService } from '../containers/containers.service';
import { ConflictError, InvalidArgumentError } from '../errors';
import { ENGINE_VERSION } from '../system/version';
import { LogsPublisher } from './logs-publisher';
import { TaskExecRelay } from './task-exec';
import { NetworkViewsService } from './network-views.service';
import { MembershipRepository, type Membership } from './membership.repository';
import { MANAGER_NAME } from './manager-client';
import { DispatcherSession } from './session';
import { WorkerService } from './worker.service';

/** What `berth cluster init` on an engine answers: the engine API's own message. */
type InitAnswer = ResponseFor<typeof ENGINE_SERVICE, 'InitCluster'>;

const ARCH: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64' };

/** This machine in a cluster: joining, leaving, and the session that keeps it working. */
@Injectable()
export class ClusterAgentService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('cluster');
  private session: DispatcherSession | null = null;
  /** the unlock key the manager beside this engine was last given (once per process) */
  private attachedKey = '';

  constructor(
    @Inject(AGENT_CONFIG) private readonly config: AgentConfig,
    private readonly worker: WorkerService,
    private readonly containers: ContainersService,
    private readonly views: NetworkViewsService,
    private readonly repo: MembershipRepository,
  ) {}

  membership(): Membership | null {
    return this.repo.load();
  }

  /** A machine that joined before picks its session up again after a restart. */
  onApplicationBootstrap(): void {
    const membership = this.repo.load();
    if (membership) this.startSession(membership);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.session?.stop();
  }

  describe(): NodeDescription {
    return {
      hostname: os.hostname(),
      platform: { os: process.platform, architecture: ARCH[process.arch] ?? process.arch },
      resources: { nanoCpus: os.cpus().length * 1e9, memoryBytes: os.totalmem() },
      engineVersion: ENGINE_VERSION,
      engineLabels: this.config.labels,
    };
  }

  /**
   * `berth cluster init` on this engine: the manager beside it makes the cluster, and this machine
   * joins it with the manager token as its first manager node (Swarm's `swarm init`).
   */
  async init(advertiseAddr: string): Promise<InitAnswer> {
    if (this.repo.load())
      throw new ConflictError(
        'This node is already part of a cluster. Use "berth cluster leave" to leave this cluster and init another one.',
      );
    const local = this.localManager();
    let made;
    try {
      made = await local.call('Init', { advertiseAddr });
    } finally {
      await local.close();
    }
    const joined = await this.join(made.managerAddr, made.managerToken);
    await this.attachLocalManager(joined.nodeId, '');
    return {
      clusterId: made.clusterId,
      nodeId: joined.nodeId,
      workerToken: made.workerToken,
      managerToken: made.managerToken,
      managerAddr: made.managerAddr,
      caPem: made.client?.caPem ?? '',
      certPem: made.client?.certPem ?? '',
      keyPem: made.client?.keyPem ?? '',
    };
  }

  /** The manager beside this engine, on its local socket. */
  private localManager(): GrpcClient<typeof CLUSTER_SERVICE> {
    return new GrpcClient(
      CLUSTER_SERVICE,
      { socket: this.config.managerSocket },
      {
        what: `the manager beside this engine (${this.config.managerSocket})`,
        hint: 'Start berth-manager on this machine (its --socket there), or give berthd --manager-socket.',
      },
    );
  }

  /** Tells the manager beside this engine which node it is a role of (and the unlock key it lacks). */
  private async attachLocalManager(nodeId: string, unlockKey: string): Promise<void> {
    const local = this.localManager();
    try {
      await local.call('AttachNode', { nodeId, unlockKey });
    } finally {
      await local.close();
    }
  }

  /**
   * What the session says of this node's role: kept, and for a manager node handed to the manager
   * beside this engine (its unlock key included), which then serves; once per change.
   */
  private async roleSaid(membership: Membership, role: NodeRole, unlockKey: string): Promise<void> {
    if (membership.role !== role) {
      this.log.log(`this node is now a ${role}`);
      membership.role = role;
      this.repo.save(membership);
    }
    if (role !== 'manager' || !unlockKey || this.attachedKey === unlockKey) return;
    try {
      await this.attachLocalManager(membership.nodeId, unlockKey);
      this.attachedKey = unlockKey;
    } catch (error) {
      this.log.warn(
        `this node is a manager, but the manager beside it was not told so: ${(error as Error).message}`,
      );
    }
  }

  async join(
    managerAddr: string,
    token: string,
  ): Promise<{ nodeId: string; role: NodeRole; clusterId: string }> {
    if (this.repo.load())
      throw new ConflictError(
        'This node is already part of a cluster. Use "berth cluster leave" to leave this cluster and join another one.',
      );
    try {
      parseJoinToken(token.trim());
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
    const caPem = await this.fetchPinnedCa(managerAddr, token.trim());
    const { keyPem, csrPem } = await createKeyAndCsr(
      os
        .hostname()
        .replace(/[^a-zA-Z0-9-]/g, '-')
        .slice(0, 63) || 'node',
    );
    const client = new GrpcClient(
      CLUSTER_SERVICE,
      { address: managerAddr, tls: { ca: caPem } },
      MANAGER_NAME,
    );
    try {
      const answer = await client.call('Join', {
        token: token.trim(),
        csrPem,
        descriptionJson: JSON.stringify(this.describe()),
      });
      const membership: Membership = {
        nodeId: answer.nodeId,
        role: answer.role as NodeRole,
        clusterId: answer.clusterId,
        managerAddr,
        caPem: answer.caPem,
        certPem: answer.certPem,
        keyPem,
      };
      this.repo.save(membership);
      this.startSession(membership);
      this.log.log({
        msg: `joined cluster ${answer.clusterId} as node ${answer.nodeId} (${answer.role})`,
        node: answer.nodeId,
      });
      return { nodeId: answer.nodeId, role: membership.role, clusterId: answer.clusterId };
    } finally {
      await client.close();
    }
  }

  /** The manager's CA, trusted only if it is the one the join token names (Swarm's CA pinning). */
  private async fetchPinnedCa(managerAddr: string, token: string): Promise<string> {
    const client = new GrpcClient(
      CLUSTER_SERVICE,
      { address: managerAddr, tls: { ca: '', insecure: true } },
      MANAGER_NAME,
    );
    try {
      const { caPem } = await client.call('GetCa', {});
      if (!verifyCaDigest(caPem, token))
        throw new InvalidArgumentError(
          `the manager at ${managerAddr} presented a CA that the join token does not name: wrong token, or not the manager you meant`,
        );
      return caPem;
    } finally {
      await client.close();
    }
  }

  async leave(force: boolean): Promise<void> {
    const membership = this.repo.load();
    if (!membership) throw new ConflictError('This node is not part of a cluster.');
    if (membership.role === 'manager' && !force)
      throw new ConflictError(
        "This node is a manager of the cluster; leaving it may lose the cluster's quorum. Use --force to leave anyway.",
      );
    await this.session?.stop();
    this.session = null;
    await this.worker.stopAll();
    this.views.replace([]); // its overlay devices go too
    this.repo.remove();
    this.log.log(`left cluster ${membership.clusterId}`);
  }

  private startSession(membership: Membership): void {
    const logs = new LogsPublisher(this.containers, this.worker, this.log);
    const execs = new TaskExecRelay(this.containers, this.worker, this.log);
    this.session = new DispatcherSession(
      membership,
      this.worker,
      logs,
      execs,
      this.views,
      () => this.describe(),
      this.log,
      (m) => this.repo.save(m),
      (role, unlockKey) => void this.roleSaid(membership, role, unlockKey),
    );
    this.session.start();
  }
}
