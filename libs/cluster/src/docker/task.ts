/** A task in Docker's shape (`GET /tasks/{id}`, what `docker service ps` reads), and its networks. Pure. */
import type { Network, Task } from '../objects';
import { dockerMeta, dockerTime, type FileDirectory } from './common';
import { dockerPort } from './service';
import type { DockerIpamOptions, DockerSwarmNetwork, DockerTask } from './shapes';
import { dockerTaskSpec } from './task-spec';

export interface DockerTaskOptions {
  /** the cluster's overlay networks: a task's attachments show the whole network, as Docker's do */
  networks?: readonly Network[];
  /** the secrets and configs its spec uses, for their ids */
  files?: FileDirectory;
}

export function dockerTask(task: Task, options: DockerTaskOptions = {}): DockerTask {
  const { status } = task;
  const attachments = task.networks ?? [];
  const known = new Map((options.networks ?? []).map((n) => [n.id, n]));
  // the spec's networks are the service's own: the routing mesh's one is the manager's doing
  const joined = attachments
    .filter((a) => !known.get(a.networkId)?.spec.ingress)
    .map((a) => ({ target: a.networkId, aliases: [] }));
  const hostPorts = task.endpoint.ports.filter((p) => p.publishMode === 'host' && p.publishedPort > 0);
  return {
    ...dockerMeta(task.id, task.meta),
    Labels: {},
    Spec: dockerTaskSpec(task.spec, joined, options.files),
    ServiceID: task.serviceId,
    ...(task.slot > 0 && { Slot: task.slot }),
    ...(task.nodeId && { NodeID: task.nodeId }),
    Status: {
      Timestamp: dockerTime(status.timestamp),
      State: status.state,
      ...(status.message && { Message: status.message }),
      ...(status.err && { Err: status.err }),
      ...(status.containerId && {
        // the agent reports no process id; Docker's is 0 too once the container has ended
        ContainerStatus: { ContainerID: status.containerId, PID: 0, ExitCode: status.exitCode ?? 0 },
      }),
      PortStatus: task.nodeId && hostPorts.length > 0 ? { Ports: hostPorts.map(dockerPort) } : {},
    },
    DesiredState: task.desiredState,
    ...(attachments.length > 0 && {
      NetworksAttachments: attachments.map((a) => {
        const network = known.get(a.networkId);
        return {
          Network: network ? dockerSwarmNetwork(network) : { ID: a.networkId },
          Addresses: [a.address],
        };
      }),
    }),
  };
}

/** An overlay network as swarm keeps it (Docker's swarm.Network, not the engine's network document). */
export function dockerSwarmNetwork(network: Network): DockerSwarmNetwork {
  const ipam: DockerIpamOptions = {
    Driver: { Name: 'default' },
    Configs: [{ Subnet: network.subnet, ...(network.gateway && { Gateway: network.gateway }) }],
  };
  return {
    ...dockerMeta(network.id, network.meta),
    Spec: {
      Name: network.spec.name,
      Labels: { ...network.spec.labels },
      DriverConfiguration: { Name: 'overlay' },
      ...(network.spec.attachable && { Attachable: true }),
      ...(network.spec.ingress && { Ingress: true }),
      IPAMOptions: ipam,
      Scope: 'swarm',
    },
    DriverState: {
      Name: 'overlay',
      Options: { 'com.docker.network.driver.overlay.vxlanid_list': String(network.vni) },
    },
    IPAMOptions: ipam,
  };
}
