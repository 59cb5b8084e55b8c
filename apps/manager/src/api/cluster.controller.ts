import { Injectable } from '@nestjs/common';
import {
  decodeFileObjectSpec,
  decodeNetworkSpec,
  decodeNodeDescription,
  decodeNodeSpec,
  decodeServiceSpec,
  type FileObjectKind,
  type NodeRole,
} from '@berth/cluster';
import type { CLUSTER_SERVICE } from '@berth/proto';
import type { CallContext, Handlers, RequestFor, ResponseFor } from '@berth/proto/server';
import { ClusterService } from '../cluster/cluster.service';
import { denied, invalid } from '../errors';
import { ExecService } from '../exec/exec.service';
import { FilesService } from '../files/files.service';
import { LogsService } from '../logs/logs.service';
import { NetworksService } from '../networks/networks.service';
import { NodesService } from '../nodes/nodes.service';
import { PresenceService } from '../presence/presence.service';
import { ServicesService } from '../services/services.service';
import { StacksService } from '../stacks/stacks.service';
import { Authorizer } from './authorizer';
import { decodeDesiredFile, decodeDesiredNetwork, decodeRequest } from './requests';

const json = (value: unknown) => ({ json: JSON.stringify(value) });
/**
 * Each object's JSON, made once: the cache's objects are replaced, never changed, so a node ls or
 * service ps asked again encodes only what changed since (an object gone takes its text with it).
 */
const encoded = new WeakMap<object, string>();
function encode(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = encoded.get(value);
  if (text === undefined) encoded.set(value, (text = JSON.stringify(value)));
  return text;
}
const jsons = (values: readonly unknown[]) => ({ json: values.map(encode) });

function fileKind(kind: string): FileObjectKind {
  if (kind === 'secrets' || kind === 'configs') return kind;
  throw invalid(`unknown kind "${kind}": secrets or configs`);
}

/** The Cluster service's methods: who may call each, then the service that does it. */
@Injectable()
export class ClusterController {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly cluster: ClusterService,
    private readonly nodes: NodesService,
    private readonly services: ServicesService,
    private readonly logs: LogsService,
    private readonly networks: NetworksService,
    private readonly stacks: StacksService,
    private readonly files: FilesService,
    private readonly presence: PresenceService,
    private readonly exec: ExecService,
  ) {}

  private async *watchService(
    request: RequestFor<typeof CLUSTER_SERVICE, 'WatchService'>,
    context: CallContext,
    authorize: () => Promise<void>,
  ): AsyncGenerator<ResponseFor<typeof CLUSTER_SERVICE, 'WatchService'>> {
    await authorize();
    for await (const { service, tasks } of this.services.watch(
      request.ref,
      request.withTasks,
      context.signal,
    ))
      yield { json: JSON.stringify(service), taskJson: tasks.map((t) => JSON.stringify(t)) };
  }

  /**
   * LOCAL: served on the manager's unix socket, whose file mode already says who may call.
   * RECONSIDER runs once `cluster init` made the cluster or the agent beside it attached its node
   * (the TLS listener and the loops start).
   */
  handlers(local: boolean, reconsider: () => Promise<void>): Handlers<typeof CLUSTER_SERVICE> {
    const admin = (context: CallContext) =>
      local ? Promise.resolve() : this.authorizer.requireAdmin(context);
    return {
      Init: async (request) => {
        if (!local)
          throw denied("cluster init is only served on the manager's local socket: run it on the manager");
        const advertised = this.cluster.advertiseAddr;
        if (request.advertiseAddr && request.advertiseAddr !== advertised)
          throw invalid(
            `the manager advertises ${advertised}, not ${request.advertiseAddr}: restart berth-manager with --advertise-addr ${request.advertiseAddr}`,
          );
        const { cluster, client } = await this.cluster.init(advertised);
        await reconsider();
        return {
          clusterId: cluster.id,
          workerToken: cluster.joinTokens.worker,
          managerToken: cluster.joinTokens.manager,
          client,
          managerAddr: advertised,
        };
      },
      AttachNode: async (request) => {
        if (!local)
          throw denied("a node is attached only on the manager's local socket, by the agent beside it");
        await this.cluster.attachNode(request.nodeId, request.unlockKey);
        await reconsider();
        return {};
      },
      GetCa: async () => ({ caPem: this.cluster.require().ca.certPem }),
      Join: async (request) => {
        const description = decodeRequest(request.descriptionJson, decodeNodeDescription);
        return this.cluster.join(request.token, request.csrPem, description, request.nodeId);
      },
      Inspect: async (_request, context) => {
        await admin(context);
        const { ca, ...rest } = this.cluster.require();
        return json({ ...rest, ca: { certPem: ca.certPem } });
      },
      JoinToken: async (request, context) => {
        await admin(context);
        if (request.role !== 'worker' && request.role !== 'manager')
          throw invalid('join-token: role must be worker or manager');
        return { token: await this.cluster.joinToken(request.role as NodeRole, request.rotate) };
      },
      IssueClientCertificate: async (request, context) => {
        await admin(context);
        return this.cluster.issueClient(request.name || 'admin');
      },
      ListNodes: async (_request, context) => (
        await admin(context),
        jsons(await this.nodes.withManagerStatus(this.nodes.list()))
      ),
      ListManagers: async (_request, context) => (
        await admin(context),
        { addresses: await this.presence.managers() }
      ),
      GetNode: async (request, context) => (
        await admin(context),
        json((await this.nodes.withManagerStatus([this.nodes.get(request.ref)]))[0])
      ),
      UpdateNode: async (request, context) => {
        await admin(context);
        const spec = decodeRequest(request.specJson, decodeNodeSpec);
        return json(await this.nodes.update(request.ref, spec, request.version));
      },
      RemoveNode: async (request, context) => (
        await admin(context),
        await this.nodes.remove(request.ref, request.force),
        {}
      ),
      CreateService: async (request, context) => {
        await admin(context);
        return json(await this.services.create(decodeRequest(request.specJson, decodeServiceSpec)));
      },
      UpdateService: async (request, context) => {
        await admin(context);
        const spec = decodeRequest(request.specJson, decodeServiceSpec);
        return json(await this.services.update(request.ref, spec, request.version));
      },
      DeployStack: async (request, context) => {
        await admin(context);
        const specs = request.servicesJson.map((j, i) =>
          decodeRequest(j, decodeServiceSpec, `services[${i}]`),
        );
        const networks = request.networksJson.map((j, i) =>
          decodeRequest(j, decodeDesiredNetwork, `networks[${i}]`),
        );
        const files = request.filesJson.map((j, i) => decodeRequest(j, decodeDesiredFile, `files[${i}]`));
        return json(
          await this.stacks.deploy(request.name, specs, networks, files, {
            prune: request.prune,
            dryRun: request.dryRun,
          }),
        );
      },
      RemoveStack: async (request, context) => (
        await admin(context),
        json(await this.stacks.remove(request.ref))
      ),
      RollbackService: async (request, context) => {
        await admin(context);
        return json(await this.services.rollback(request.ref));
      },
      ListServices: async (request, context) => {
        await admin(context);
        const services = this.services.list();
        if (!request.withStatus) return jsons(services);
        const statuses = services.map((s) => {
          const { RunningTasks, DesiredTasks } = this.services.status(s);
          return { runningTasks: RunningTasks, desiredTasks: DesiredTasks };
        });
        return { ...jsons(services), statuses };
      },
      GetService: async (request, context) => (await admin(context), json(this.services.get(request.ref))),
      RemoveService: async (request, context) => (
        await admin(context),
        await this.services.remove(request.ref),
        {}
      ),
      WatchService: (request, context) => this.watchService(request, context, () => admin(context)),
      ListTasks: async (request, context) => {
        await admin(context);
        return jsons(
          this.services.tasks({
            service: request.service,
            node: request.node,
            desiredState: request.desiredState,
          }),
        );
      },
      ServiceLogs: (request, context) => this.logs.serviceLogs(request, context, () => admin(context)),
      ServiceExec: (requests, context) => this.exec.serviceExec(requests, context, () => admin(context)),
      CreateNetwork: async (request, context) => {
        await admin(context);
        return json(await this.networks.create(decodeRequest(request.specJson, decodeNetworkSpec)));
      },
      ListNetworks: async (_request, context) => (await admin(context), jsons(this.networks.list())),
      GetNetwork: async (request, context) => (
        await admin(context),
        json(this.networks.inspect(request.ref))
      ),
      RemoveNetwork: async (request, context) => (
        await admin(context),
        await this.networks.remove(request.ref),
        {}
      ),
      CreateFileObject: async (request, context) => {
        await admin(context);
        const kind = fileKind(request.kind);
        const spec = decodeRequest(request.specJson, decodeFileObjectSpec);
        const object = await this.files.create(kind, spec, Buffer.from(request.data));
        return json(this.files.view(kind, object));
      },
      ListFileObjects: async (request, context) => {
        await admin(context);
        const kind = fileKind(request.kind);
        return jsons(this.files.list(kind).map((o) => this.files.view(kind, o)));
      },
      GetFileObject: async (request, context) => {
        await admin(context);
        const kind = fileKind(request.kind);
        return json(this.files.view(kind, this.files.get(kind, request.ref)));
      },
      RemoveFileObject: async (request, context) => (
        await admin(context),
        await this.files.remove(fileKind(request.kind), request.ref),
        {}
      ),
    };
  }
}
