/**
 * The Docker Engine API's network routes: this machine's networks and, as on a Swarm worker, the
 * cluster's overlay networks its containers may be on. Made, removed and joined through the
 * engine's services (the same the engine API's network methods use); shapes from
 * docker-network-views.ts.
 */
import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { NetworkViewsService } from '../cluster/network-views.service';
import { ContainersService } from '../containers/containers.service';
import { ConflictError, InvalidArgumentError } from '../errors';
import { EventsService } from '../events/events.service';
import { NetworksService } from '../networks/networks.service';
import { DockerFilters, parseTimestamp } from './docker-filters';
import {
  endpointsOf,
  networkFacts,
  membersOf,
  NETWORK_LIST_FILTERS,
  NETWORK_PRUNE_FILTERS,
  networkInspect,
  networkMatches,
  networkRequestOf,
  networkSummary,
  clusterNetworkFacts,
  type DockerNetworkCreate,
  type NetworkFacts,
} from './docker-network-views';
import { ManagerLink } from './swarm/manager-link';

interface EndpointBody {
  Container?: string;
  Force?: boolean;
  EndpointConfig?: {
    Aliases?: string[] | null;
    Links?: string[] | null;
    IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] | null } | null;
  } | null;
}

@Controller('networks')
export class DockerNetworksController {
  constructor(
    private readonly networks: NetworksService,
    private readonly containers: ContainersService,
    private readonly overlays: NetworkViewsService,
    private readonly events: EventsService,
    private readonly manager: ManagerLink,
  ) {}

  @Get()
  async list(@Query('filters') filters?: string) {
    const wanted = DockerFilters.parse(filters, NETWORK_LIST_FILTERS);
    return (await this.all()).filter((f) => networkMatches(f, wanted, this.inUse(f))).map(networkSummary);
  }

  @Get(':id')
  async inspect(@Param('id') ref: string) {
    const f = await this.find(ref);
    return networkInspect(f, endpointsOf(f, this.containers.repo.all()));
  }

  /** An overlay (`docker network create -d overlay`, a stack's networks) is the cluster's: made by its manager. */
  @Post('create')
  @HttpCode(201)
  async create(@Body() body: DockerNetworkCreate | null) {
    if (body?.Driver === 'overlay') {
      const request = networkRequestOf({ ...body, Driver: 'overlay' });
      const spec = {
        name: request.name,
        driver: 'overlay',
        labels: request.labels,
        attachable: request.attachable,
        ingress: false,
        subnet: request.subnet,
      };
      const made = await this.manager.call('CreateNetwork', { specJson: JSON.stringify(spec) });
      return { Id: (JSON.parse(made.json) as { id: string }).id, Warning: '' };
    }
    const n = this.networks.create(networkRequestOf(body));
    return { Id: n.id, Warning: '' };
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') ref: string): Promise<void> {
    const swarm = (await this.clusterNetworks()).find((f) => f.id === ref || f.name === ref);
    if (swarm) {
      await this.manager.call('RemoveNetwork', { ref: swarm.id, force: false });
      return;
    }
    const n = this.networks.get(ref);
    if (n.builtin) throw new ForbiddenException(`${n.name} is a pre-defined network and cannot be removed`);
    if (n.driver === 'overlay')
      throw new ForbiddenException(
        `${n.name} is the cluster's network: remove it through the cluster's manager`,
      );
    const members = membersOf(n.name, this.containers.repo.all()).map((c) => c.name);
    // dockerd: a network with endpoints is forbidden to remove (403), not in conflict
    await this.networks.remove(n.id, members).catch((error: unknown) => {
      throw error instanceof ConflictError ? new ForbiddenException(error.message) : error;
    });
  }

  @Post(':id/connect')
  @HttpCode(200)
  async connect(@Param('id') ref: string, @Body() body: EndpointBody | null): Promise<void> {
    const container = containerOf(body);
    const endpoint = body?.EndpointConfig ?? {};
    const ipam = endpoint.IPAMConfig;
    if (ipam?.IPv4Address || ipam?.IPv6Address || ipam?.LinkLocalIPs?.length)
      throw new InvalidArgumentError('a fixed address on connect (--ip) is not supported by Berth');
    if (endpoint.Links?.length)
      throw new InvalidArgumentError(
        'links are not supported by Berth; containers on a user network find each other by name',
      );
    await this.containers.connect(container, ref, endpoint.Aliases ?? []);
  }

  @Post(':id/disconnect')
  @HttpCode(200)
  async disconnect(@Param('id') ref: string, @Body() body: EndpointBody | null): Promise<void> {
    await this.containers.disconnect(containerOf(body), ref, body?.Force ?? false);
  }

  @Post('prune')
  @HttpCode(200)
  async prune(@Query('filters') filters?: string) {
    const wanted = DockerFilters.parse(filters, NETWORK_PRUNE_FILTERS);
    const until = wanted.get('until');
    if (until.length > 1) throw new InvalidArgumentError('more than one until filter specified');
    const untilMs = until.length ? parseTimestamp(until[0]) : 0;
    const deleted: string[] = [];
    for (const f of this.networks.list().map(networkFacts)) {
      if (f.builtin || this.inUse(f) || !networkMatches(f, wanted, false, untilMs)) continue;
      await this.networks.remove(f.id, []);
      deleted.push(f.name);
    }
    this.events.emit('network', 'prune', '', { reclaimed: '0' });
    return { NetworksDeleted: deleted };
  }

  /**
   * This machine's networks, then the cluster's overlays it does not keep itself: on a manager
   * machine every one of the cluster's (its manager says), elsewhere those its tasks are on.
   */
  private async all(): Promise<NetworkFacts[]> {
    const own = this.networks.list().map(networkFacts);
    const ids = new Set(own.map((f) => f.id));
    const swarm = (await this.clusterNetworks()).filter((f) => !ids.has(f.id));
    return [...own, ...swarm];
  }

  /** The cluster's overlays: its manager's list on a manager machine, else the ones this machine was told of. */
  private async clusterNetworks(): Promise<NetworkFacts[]> {
    const known = () => this.overlays.all().map((v) => clusterNetworkFacts(v.network));
    if (!this.manager.isManager()) return known();
    return this.manager.networks().then(
      (networks) => networks.map(clusterNetworkFacts),
      () => known(),
    );
  }

  /** By full id, then name, then id prefix; a swarm network as its overlay view describes it. */
  private async find(ref: string): Promise<NetworkFacts> {
    const all = await this.all();
    const found =
      all.find((f) => f.id === ref) ??
      all.find((f) => f.name === ref) ??
      (ref.length >= 3 ? all.find((f) => f.id.startsWith(ref)) : undefined);
    return found ?? networkFacts(this.networks.get(ref)); // the engine's NotFoundError otherwise
  }

  private inUse(f: NetworkFacts): boolean {
    return membersOf(f.name, this.containers.repo.all()).length > 0;
  }
}

function containerOf(body: EndpointBody | null): string {
  if (!body?.Container) throw new InvalidArgumentError('no container was given (Container)');
  return body.Container;
}
