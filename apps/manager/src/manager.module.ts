/** The cluster control plane (DESIGN.md: manager): state, the leader's loops, and the API. */
import { StacksService } from './stacks/stacks.service';
import { RolloutsService } from './rollouts/rollouts.service';
import { Module, type DynamicModule } from '@nestjs/common';
import { MANAGER_CONFIG } from './tokens';
import type { ManagerConfig } from './config';
import { CompactionService } from './state/compaction.service';
import { StateService } from './state/state.service';
import { ClusterService } from './cluster/cluster.service';
import { NodesService } from './nodes/nodes.service';
import { FilesService } from './files/files.service';
import { NetworksService } from './networks/networks.service';
import { ServicesService } from './services/services.service';
import { NodeLivenessService } from './dispatcher/node-liveness.service';
import { PresenceService } from './presence/presence.service';
import { DispatcherService } from './dispatcher/dispatcher.service';
import { ReconcileLoop } from './loops/reconcile.loop';
import { LeadershipService } from './leadership/leadership.service';
import { ExecService } from './exec/exec.service';
import { LogsService } from './logs/logs.service';
import { Authorizer } from './api/authorizer';
import { ClusterController } from './api/cluster.controller';
import { DispatcherController } from './api/dispatcher.controller';
import { ServerService } from './api/server.service';
import { DashboardService } from './dashboard/dashboard.service';
import { ManagerMetrics } from './metrics/manager-metrics';
import { MetricsService } from './metrics/metrics.service';

@Module({})
export class ManagerModule {
  static forRoot(config: ManagerConfig): DynamicModule {
    return {
      module: ManagerModule,
      providers: [
        { provide: MANAGER_CONFIG, useValue: config },
        ManagerMetrics,
        {
          provide: StateService,
          useFactory: (metrics: ManagerMetrics) => StateService.open(config, metrics),
          inject: [ManagerMetrics],
        },
        ClusterService,
        NodesService,
        NetworksService,
        FilesService,
        ServicesService,
        RolloutsService,
        StacksService,
        DispatcherService,
        PresenceService,
        NodeLivenessService,
        ReconcileLoop,
        CompactionService,
        LeadershipService,
        LogsService,
        ExecService,
        Authorizer,
        ServerService,
        DashboardService,
        ClusterController,
        DispatcherController,
        MetricsService,
      ],
    };
  }
}
