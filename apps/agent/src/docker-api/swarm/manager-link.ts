/**
 * The manager beside this engine, as the Docker API's swarm endpoints reach it: CLUSTER_SERVICE
 * on its local socket (`config.managerSocket`, which the manager serves with admin rights), the
 * answers decoded with the cluster's own decoders. A machine that is no manager node, or whose
 * manager does not answer, gets dockerd's 503 (not-a-manager.ts).
 */
import type { OnModuleDestroy } from '@nestjs/common';
import {
  decodeClusterView,
  decodeFileObjectView,
  decodeJson,
  decodeNetwork,
  decodeNode,
  decodeService,
  decodeTask,
  serviceStatusOfCounts,
  type ClusterView,
  type DockerServiceStatus,
  type FileObjectKind,
  type FileObjectView,
  type Network,
  type Node,
  type NodeRole,
  type Service,
  type Task,
} from '@berth/cluster';
import { CLUSTER_SERVICE, GrpcClient, RpcError, Status, type RequestOf, type ResponseOf } from '@berth/proto';
import { NotSwarmManagerError, swarmRefusal } from './not-a-manager';

type Cluster = typeof CLUSTER_SERVICE;
type Method = keyof Cluster;

export class ManagerLink implements OnModuleDestroy {
  private client: GrpcClient<Cluster> | null = null;

  constructor(
    readonly socket: string,
    /** this machine's role as its membership says; null: in no cluster */
    private readonly role: () => NodeRole | null,
  ) {}

  /** One call, refused as dockerd refuses it when this engine cannot forward it. */
  async call<M extends Method>(method: M, request: RequestOf<Cluster, M>): Promise<ResponseOf<Cluster, M>> {
    this.check();
    try {
      return await this.grpc().call(method, request);
    } catch (error) {
      throw this.unreachable(error);
    }
  }

  /** A streamed call (ServiceLogs): the caller ends it with return(). */
  async *stream<M extends Method>(
    method: M,
    request: RequestOf<Cluster, M>,
  ): AsyncGenerator<ResponseOf<Cluster, M>> {
    this.check();
    try {
      yield* this.grpc().stream(method, request);
    } catch (error) {
      throw this.unreachable(error);
    }
  }

  /** Whether a swarm endpoint may be forwarded here at all (no call made). */
  isManager(): boolean {
    return swarmRefusal(this.role(), true, this.socket) === null;
  }

  async cluster(): Promise<ClusterView> {
    return decodeJson((await this.call('Inspect', {})).json, decodeClusterView);
  }

  async nodes(): Promise<Node[]> {
    return (await this.call('ListNodes', { filters: {} })).json.map((j) => decodeJson(j, decodeNode));
  }

  async node(ref: string): Promise<Node> {
    return decodeJson((await this.call('GetNode', { ref })).json, decodeNode);
  }

  async services(): Promise<Service[]> {
    return (await this.call('ListServices', { filters: {} })).json.map((j) => decodeJson(j, decodeService));
  }

  /** The services with their task counts, as the manager counts them (Docker's status=true). */
  async servicesWithStatus(): Promise<{ service: Service; status: DockerServiceStatus }[]> {
    const reply = await this.call('ListServices', { filters: {}, withStatus: true });
    if (reply.statuses.length !== reply.json.length)
      throw new Error("the manager did not count the services' tasks: upgrade it to this version of Berth");
    return reply.json.map((j, i) => ({
      service: decodeJson(j, decodeService),
      status: serviceStatusOfCounts(reply.statuses[i]),
    }));
  }

  async service(ref: string): Promise<Service> {
    return decodeJson((await this.call('GetService', { ref })).json, decodeService);
  }

  async tasks(filter: { service?: string; node?: string; desiredState?: string } = {}): Promise<Task[]> {
    const answer = await this.call('ListTasks', {
      service: filter.service ?? '',
      node: filter.node ?? '',
      desiredState: filter.desiredState ?? '',
    });
    return answer.json.map((j) => decodeJson(j, decodeTask));
  }

  async networks(): Promise<Network[]> {
    return (await this.call('ListNetworks', { filters: {} })).json.map((j) => decodeJson(j, decodeNetwork));
  }

  async files(kind: FileObjectKind): Promise<FileObjectView[]> {
    return (await this.call('ListFileObjects', { kind })).json.map((j) =>
      decodeJson(j, decodeFileObjectView),
    );
  }

  async file(kind: FileObjectKind, ref: string): Promise<FileObjectView> {
    return decodeJson((await this.call('GetFileObject', { kind, ref })).json, decodeFileObjectView);
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    await this.client?.close();
    this.client = null;
  }

  private check(): void {
    const refusal = swarmRefusal(this.role(), true, this.socket);
    if (refusal) throw new NotSwarmManagerError(refusal);
  }

  private unreachable(error: unknown): unknown {
    if (
      error instanceof RpcError &&
      error.status === Status.UNAVAILABLE &&
      error.kind === 'EngineUnavailable'
    )
      return new NotSwarmManagerError(swarmRefusal(this.role(), false, this.socket) ?? error.message);
    return error;
  }

  private grpc(): GrpcClient<Cluster> {
    this.client ??= new GrpcClient(
      CLUSTER_SERVICE,
      { socket: this.socket },
      {
        what: `the manager beside this engine (${this.socket})`,
        hint: 'Start berth-manager on this machine (its --socket there), or give berthd --manager-socket.',
      },
    );
    return this.client;
  }
}
