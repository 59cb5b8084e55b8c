/** The Engine's network methods; connecting a container is the containers service's part. */
import { Injectable } from '@nestjs/common';
import type { EngineHandlers } from '@berth/proto/server';
import type { HandlerGroup } from '../grpc/handlers';
import { ContainersService } from '../containers/containers.service';
import { isRunning } from '../containers/model';
import { NetworksService, type NetworkRecord } from './networks.service';
import { NetworkViewsService } from '../cluster/network-views.service';

@Injectable()
export class NetworksController implements HandlerGroup {
  constructor(
    private readonly networks: NetworksService,
    private readonly containers: ContainersService,
    private readonly views: NetworkViewsService,
  ) {}

  /** The containers on network N: attached now, or set to join it when they start. */
  private members(n: NetworkRecord) {
    return this.containers.repo
      .all()
      .filter((c) => c.hostConfig.network === n.name || c.networks.some((a) => a.network === n.name));
  }

  private inspect(n: NetworkRecord): Record<string, unknown> {
    const containers = Object.fromEntries(
      this.members(n)
        .filter(isRunning)
        .map((c) => {
          const a = c.networks.find((x) => x.network === n.name);
          return [
            c.id,
            { Name: c.name, MacAddress: a?.mac ?? '', IPv4Address: a ? `${a.ip}/${a.prefixLength}` : '' },
          ];
        }),
    );
    return {
      Name: n.name,
      Id: n.id,
      Created: n.created,
      Scope: 'local',
      Driver: n.driver,
      Internal: n.internal,
      Attachable: n.attachable,
      IPAM: { Driver: 'default', Config: n.subnet ? [{ Subnet: n.subnet, Gateway: n.gateway }] : [] },
      Options: n.bridge ? { 'com.docker.network.bridge.name': n.bridge } : {},
      Labels: n.labels,
      Containers: containers,
    };
  }

  handlers(): Partial<EngineHandlers> {
    return {
      CreateNetwork: async (req) => {
        const n = this.networks.create(req);
        return { json: JSON.stringify({ Id: n.id, Warning: '' }) };
      },
      ListNetworks: async () => ({
        networks: [
          ...this.networks.list().map((n) => ({
            id: n.id,
            name: n.name,
            driver: n.driver,
            scope: 'local',
            subnet: n.subnet,
            createdMs: Date.parse(n.created),
          })),
          // as on a Swarm worker: the cluster's overlay networks that this machine's tasks are on
          ...this.views.all().map(({ network: n }) => ({
            id: n.id,
            name: n.spec.name,
            driver: n.spec.driver,
            scope: 'swarm',
            subnet: n.subnet,
            createdMs: n.meta.createdAt,
          })),
        ],
      }),
      InspectNetwork: async (req) => ({ json: JSON.stringify(this.inspect(this.networks.get(req.name))) }),
      RemoveNetwork: async (req) => {
        const n = this.networks.get(req.name);
        await this.networks.remove(
          req.name,
          this.members(n).map((c) => c.name),
        );
        return {};
      },
      ConnectNetwork: async (req) => {
        await this.containers.connect(req.container, req.network, req.aliases);
        return {};
      },
      DisconnectNetwork: async (req) => {
        await this.containers.disconnect(req.container, req.network, req.force);
        return {};
      },
    };
  }
}
