/** The Engine's network methods; connecting a container is the containers service's part. */
import { Injectable } from '@nestjs/common';
import type { EngineHandlers } from '@berth/proto/server';
import type { HandlerGroup } from '../grpc/handlers';
import { ContainersService } from '../containers/containers.service';
import { endpointsOf, networkFacts, networkInspect } from '../docker-api/docker-network-views';
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

  /** `berth network inspect`: the document the Docker API answers, so one shape serves both. */
  private inspect(n: NetworkRecord) {
    const facts = networkFacts(n);
    return networkInspect(facts, endpointsOf(facts, this.containers.repo.all()));
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
