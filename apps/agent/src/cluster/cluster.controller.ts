/** The Engine's cluster membership methods: init, join and leave. */
import { Injectable } from '@nestjs/common';
import type { EngineHandlers } from '@berth/proto/server';
import type { HandlerGroup } from '../grpc/handlers';
import { ClusterAgentService } from './cluster-agent.service';

@Injectable()
export class ClusterController implements HandlerGroup {
  constructor(private readonly cluster: ClusterAgentService) {}

  handlers(): Partial<EngineHandlers> {
    return {
      InitCluster: (req) => this.cluster.init(req.advertiseAddr),
      JoinCluster: (req) => this.cluster.join(req.managerAddr, req.token),
      LeaveCluster: async (req) => (await this.cluster.leave(req.force), {}),
    };
  }
}
