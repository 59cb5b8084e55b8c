/** The engine daemon of one machine (DESIGN.md: agent): its services, and the handler groups that serve them over gRPC. */
import { Module, type DynamicModule } from '@nestjs/common';
import { Images } from '@berth/image';
import { AGENT_CONFIG, ENDPOINT_DIRECTORY, OVERLAY_HOOKS, USERNS_REMAP } from './tokens';
import type { AgentConfig } from './config';
import { EventsService } from './events/events.service';
import { ImagesService } from './images/images.service';
import { ImagesController } from './images/images.controller';
import { VolumesService } from './volumes/volumes.service';
import { VolumesController } from './volumes/volumes.controller';
import { NETWORK_PROVIDERS } from './networks/networks.providers';
import { NetworksController } from './networks/networks.controller';
import { ContainerDirectory } from './containers/container-directory';
import { CONTAINER_PROVIDERS } from './containers/containers.providers';
import { ContainerFilesService } from './containers/container-files.service';
import { ContainersController } from './containers/containers.controller';
import { SystemController } from './system/system.controller';
import { ProgramsService } from './system/programs.service';
import { loadRemapIdentity, openDataRootForRemap } from './system/remap-identity';
import { SystemInfoService } from './system/system-info.service';
import { WorkerService } from './cluster/worker.service';
import { NetworkViewsService } from './cluster/network-views.service';
import { OverlayEndpointsService } from './cluster/overlay-endpoints.service';
import { OverlayService } from './cluster/overlay.service';
import { ClusterAgentService } from './cluster/cluster-agent.service';
import { MembershipRepository } from './cluster/membership.repository';
import { ClusterController } from './cluster/cluster.controller';
import { GrpcService } from './grpc/grpc.service';
import { HANDLER_GROUPS } from './grpc/handlers';
import { AgentMetrics } from './metrics/agent-metrics';
import { MetricsService } from './metrics/metrics.service';

const GROUPS = [
  ContainersController,
  ImagesController,
  VolumesController,
  NetworksController,
  SystemController,
  ClusterController,
];

@Module({})
export class AgentModule {
  static forRoot(config: AgentConfig): DynamicModule {
    return {
      module: AgentModule,
      providers: [
        { provide: AGENT_CONFIG, useValue: config },
        ProgramsService,
        {
          // the account made and its ranges read once, before anything is made under the data root
          provide: USERNS_REMAP,
          useFactory: async (c: AgentConfig, programs: ProgramsService) => {
            const remap = await loadRemapIdentity(c.usernsRemap, programs.run);
            if (remap) openDataRootForRemap(c.dataRoot);
            return remap;
          },
          inject: [AGENT_CONFIG, ProgramsService],
        },
        EventsService,
        AgentMetrics,
        {
          provide: Images,
          useFactory: (c: AgentConfig) => ImagesService.openStore(c),
          inject: [AGENT_CONFIG],
        },
        ImagesService,
        VolumesService,
        // repositories and parts made by factories: files are read there, once, not in constructors
        {
          provide: MembershipRepository,
          useFactory: (c: AgentConfig) => new MembershipRepository(c.dataRoot),
          inject: [AGENT_CONFIG],
        },
        // what networking asks of the containers and the cluster, injected rather than set later
        ...CONTAINER_PROVIDERS,
        { provide: ENDPOINT_DIRECTORY, useExisting: ContainerDirectory },
        { provide: OVERLAY_HOOKS, useExisting: OverlayEndpointsService },
        ...NETWORK_PROVIDERS, // NetworksService and its parts
        ContainerFilesService,
        WorkerService,
        NetworkViewsService,
        OverlayService,
        OverlayEndpointsService,
        ClusterAgentService,
        SystemInfoService,
        ...GROUPS,
        { provide: HANDLER_GROUPS, useFactory: (...groups: unknown[]) => groups, inject: GROUPS },
        GrpcService,
        MetricsService,
      ],
    };
  }
}
