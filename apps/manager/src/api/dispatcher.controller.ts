import { Injectable } from '@nestjs/common';
import type { DISPATCHER_SERVICE } from '@berth/proto';
import type { Handlers } from '@berth/proto/server';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { ExecService } from '../exec/exec.service';
import { LogsService } from '../logs/logs.service';
import { NetworksService } from '../networks/networks.service';
import { Authorizer } from './authorizer';

/** The agents' side of the manager: every call identified by the node's certificate. */
@Injectable()
export class DispatcherController {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly dispatcher: DispatcherService,
    private readonly logs: LogsService,
    private readonly networks: NetworksService,
    private readonly exec: ExecService,
  ) {}

  handlers(): Handlers<typeof DISPATCHER_SERVICE> {
    return {
      Session: (requests, context) => this.session(requests, context),
      PublishLogs: async (messages, context) => {
        const { nodeId } = await this.authorizer.identify(context);
        return this.logs.publish(messages, nodeId);
      },
      TaskExec: (messages, context) => this.taskExec(messages, context),
      AttachNetwork: async (request, context) => {
        const { nodeId } = await this.authorizer.identify(context);
        const { network, attachment } = await this.networks.attach(
          request.network,
          nodeId,
          request.containerId,
        );
        return {
          attachmentId: attachment.id,
          networkId: network.id,
          networkName: network.spec.name,
          address: attachment.address,
        };
      },
      DetachNetwork: async (request, context) => {
        const { nodeId } = await this.authorizer.identify(context);
        await this.networks.detach(request.networkId, request.attachmentId, nodeId);
        return {};
      },
    };
  }

  private async *taskExec(
    messages: Parameters<Handlers<typeof DISPATCHER_SERVICE>['TaskExec']>[0],
    context: Parameters<Handlers<typeof DISPATCHER_SERVICE>['TaskExec']>[1],
  ) {
    const { nodeId } = await this.authorizer.identify(context);
    yield* this.exec.taskExec(messages, nodeId, context.signal);
  }

  private async *session(
    requests: Parameters<Handlers<typeof DISPATCHER_SERVICE>['Session']>[0],
    context: Parameters<Handlers<typeof DISPATCHER_SERVICE>['Session']>[1],
  ) {
    const { nodeId } = await this.authorizer.identify(context);
    yield* this.dispatcher.session(requests as never, nodeId, context.peer);
  }
}
