import { ingressNetwork } from '../networks/ingress';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { newObjectId, type Cluster, type Node, type NodeDescription, type NodeRole } from '@berth/cluster';
import {
  createClusterCa,
  createDataKey,
  createJoinToken,
  createKeyAndCsr,
  issueServerCertificate,
  parseJoinToken,
  sealWithPassphrase,
  signNodeCertificate,
  tokenMatches,
  unsealWithPassphrase,
  type ClusterCa,
  type IssuedCertificate,
} from '@berth/trust';
import { ConflictError as StoreConflict } from '@berth/store';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { conflict, denied, invalid, unavailable } from '../errors';
import { StateService } from '../state/state.service';
import { createUnlockKey, keepUnlockKey, readOwnNodeId, readUnlockKey, writeOwnNodeId } from './unlock-key';

export interface ClientBundle {
  caPem: string;
  certPem: string;
  keyPem: string;
}

export interface JoinAnswer {
  nodeId: string;
  role: NodeRole;
  certPem: string;
  caPem: string;
  clusterId: string;
}

const DEFAULT_SETTINGS = { taskHistoryLimit: 5 };

/** The cluster object: init, the CA, join tokens, and machines joining (DESIGN.md decision 7). */
@Injectable()
export class ClusterService {
  private readonly log = new Logger('cluster');
  private ca: ClusterCa | null = null;
  private unsealedDataKey: { sealed: string; key: string } | null = null;
  /** read from the state dir once, then kept here (attachNode changes both) */
  private ownNode: string | null | undefined;
  private unlockKeyHeld: string | null = null;

  constructor(
    private readonly state: StateService,
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
  ) {}

  get advertiseAddr(): string {
    return this.config.advertiseAddr;
  }

  current(): Cluster | null {
    return this.state.cache.list('cluster')[0] ?? null;
  }

  require(): Cluster {
    const cluster = this.current();
    if (!cluster) throw unavailable('this manager has no cluster yet: run `berth cluster init` on it first');
    return cluster;
  }

  /** The CA with its key, unsealed with this manager's unlock key. */
  async loadCa(): Promise<ClusterCa> {
    if (this.ca) return this.ca;
    const cluster = this.require();
    this.ca = {
      certPem: cluster.ca.certPem,
      keyPem: await unsealWithPassphrase(cluster.ca.sealedKey, this.unlockKey()),
    };
    return this.ca;
  }

  private unlockKey(): string {
    const unlockKey = this.heldUnlockKey();
    if (!unlockKey)
      throw unavailable(
        `no unlock key in ${this.config.stateDir}: copy unlock.key from the manager that ran init`,
      );
    return unlockKey;
  }

  /**
   * The key secrets are sealed with in etcd, unsealed with this manager's unlock key; the first
   * call on a cluster without one makes it.
   */
  async dataKey(): Promise<string> {
    const cluster = this.require();
    const sealed = cluster.sealedDataKey;
    if (sealed) {
      if (this.unsealedDataKey?.sealed !== sealed)
        this.unsealedDataKey = { sealed, key: await unsealWithPassphrase(sealed, this.unlockKey()) };
      return this.unsealedDataKey.key;
    }
    const key = createDataKey();
    const made = await sealWithPassphrase(key, this.unlockKey());
    try {
      await this.state.commit(
        [{ op: 'update', kind: 'cluster', object: { ...cluster, sealedDataKey: made } }],
        {
          atomic: true,
        },
      );
    } catch (error) {
      if (error instanceof StoreConflict) return this.dataKey(); // another manager made one meanwhile
      throw error;
    }
    this.unsealedDataKey = { sealed: made, key };
    return key;
  }

  /** The data key if this manager has unsealed the current one already (for callers that cannot wait). */
  loadedDataKey(): string | null {
    const sealed = this.current()?.sealedDataKey;
    return sealed !== undefined && this.unsealedDataKey?.sealed === sealed ? this.unsealedDataKey.key : null;
  }

  async init(advertiseAddr: string): Promise<{ cluster: Cluster; client: ClientBundle }> {
    const existing = this.current();
    if (existing)
      throw conflict(`this manager already runs cluster ${existing.id}; \`berth cluster inspect\` shows it`);
    const id = newObjectId();
    const ca = await createClusterCa(id);
    const unlockKey = this.heldUnlockKey() ?? createUnlockKey(this.config.stateDir);
    this.unlockKeyHeld = unlockKey;
    const cluster: Cluster = {
      id,
      meta: { version: 0, createdAt: 0, updatedAt: 0 },
      settings: { ...DEFAULT_SETTINGS, heartbeatGraceMs: this.config.heartbeatGraceMs },
      ca: { certPem: ca.certPem, sealedKey: await sealWithPassphrase(ca.keyPem, unlockKey) },
      joinTokens: { worker: createJoinToken(ca.certPem), manager: createJoinToken(ca.certPem) },
    };
    await this.state.commit(
      [
        { op: 'create', kind: 'cluster', object: cluster },
        { op: 'create', kind: 'networks', object: ingressNetwork() },
      ],
      { atomic: true },
    );
    this.ca = ca;
    this.log.log(`initialized cluster ${id}, advertised at ${advertiseAddr}`);
    return { cluster: this.require(), client: await this.issueClient('admin') };
  }

  /** A certificate for a CLI: manager role, bound to no node. */
  async issueClient(name: string): Promise<ClientBundle> {
    const ca = await this.loadCa();
    const cluster = this.require();
    const { keyPem, csrPem } = await createKeyAndCsr(name);
    const nodeId = `client-${newObjectId().slice(0, 12)}`;
    const certPem = await signNodeCertificate(ca, csrPem, { nodeId, role: 'manager', clusterId: cluster.id });
    return { caPem: ca.certPem, certPem, keyPem };
  }

  /** The manager's own TLS identity for the address machines reach it at. */
  async serverCertificate(): Promise<IssuedCertificate> {
    const ca = await this.loadCa();
    const host = this.config.advertiseAddr.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const isIp = /^[\d.]+$|:/.test(host);
    return issueServerCertificate(ca, {
      commonName: `manager-${newObjectId().slice(0, 12)}`,
      dns: isIp ? [] : [host],
      ips: isIp ? [host] : [],
    });
  }

  roleOfToken(token: string): NodeRole {
    const cluster = this.require();
    parseJoinToken(token.trim()); // says what a malformed token looks like
    if (tokenMatches(token.trim(), cluster.joinTokens.worker)) return 'worker';
    if (tokenMatches(token.trim(), cluster.joinTokens.manager)) return 'manager';
    throw denied(
      'invalid join token: it is neither the worker nor the manager token of this cluster (it may have been rotated); ' +
        'get the current one with `berth cluster join-token worker` on a manager',
    );
  }

  async join(
    token: string,
    csrPem: string,
    description: NodeDescription,
    previousId: string,
  ): Promise<JoinAnswer> {
    const role = this.roleOfToken(token);
    const cluster = this.require();
    const ca = await this.loadCa();
    const existing = previousId ? this.state.cache.get('nodes', previousId) : undefined;
    const nodeId = existing?.id ?? newObjectId();
    if (!/^[a-z0-9]+$/.test(nodeId)) throw invalid(`invalid node id "${nodeId}"`);
    const certPem = await signNodeCertificate(ca, csrPem, { nodeId, role, clusterId: cluster.id });
    const node: Node = existing
      ? { ...existing, description, spec: { ...existing.spec, role } }
      : {
          id: nodeId,
          meta: { version: 0, createdAt: 0, updatedAt: 0 },
          spec: { role, availability: 'active', labels: {} },
          description,
          status: { state: 'unknown', message: 'joined', addr: '' },
        };
    await this.state.commit([{ op: existing ? 'update' : 'create', kind: 'nodes', object: node }], {
      atomic: true,
    });
    this.log.log({ msg: `node ${nodeId} (${description.hostname}) joined as ${role}`, node: nodeId });
    return { nodeId, role, certPem, caPem: ca.certPem, clusterId: cluster.id };
  }

  /**
   * The agent beside this manager says which node the manager is a role of, with the unlock key
   * when the manager lacks it (it did not run init). Checked before anything is kept: the node
   * must be one of this cluster's, and the key must open its CA.
   */
  async attachNode(nodeId: string, unlockKey: string): Promise<void> {
    const cluster = this.require();
    const node = this.state.cache.get('nodes', nodeId);
    if (!node) throw invalid(`node ${nodeId} is not part of cluster ${cluster.id}`);
    if (unlockKey) {
      await unsealWithPassphrase(cluster.ca.sealedKey, unlockKey.trim()).catch(() => {
        throw denied(`the unlock key given for node ${nodeId} does not open cluster ${cluster.id}'s CA`);
      });
      if (keepUnlockKey(this.config.stateDir, unlockKey) === 'different')
        throw conflict(
          `${this.config.stateDir} holds another unlock key: this manager's state dir belongs to another cluster; give it an empty --state-dir`,
        );
    } else if (!this.heldUnlockKey())
      throw invalid(
        `this manager has no unlock key yet: attach node ${nodeId} with the cluster's unlock key`,
      );
    if (this.ownNodeId() === nodeId) return;
    writeOwnNodeId(this.config.stateDir, nodeId);
    this.ownNode = nodeId;
    this.log.log({
      msg: `this manager is a role of node ${nodeId} (${node.description.hostname})`,
      node: nodeId,
    });
  }

  /** The key that opens the CA, once this manager has it (it made the cluster, or its agent gave it). */
  heldUnlockKey(): string | null {
    this.unlockKeyHeld ??= readUnlockKey(this.config.stateDir);
    return this.unlockKeyHeld;
  }

  /** The node this manager is a role of, as the agent beside it said; null before it did. */
  ownNodeId(): string | null {
    if (this.ownNode === undefined) this.ownNode = readOwnNodeId(this.config.stateDir);
    return this.ownNode;
  }

  async joinToken(role: NodeRole, rotate: boolean): Promise<string> {
    const cluster = this.require();
    if (!rotate) return cluster.joinTokens[role];
    const token = createJoinToken(cluster.ca.certPem);
    await this.state.commit(
      [
        {
          op: 'update',
          kind: 'cluster',
          object: { ...cluster, joinTokens: { ...cluster.joinTokens, [role]: token } },
        },
      ],
      { atomic: true },
    );
    return token;
  }
}
