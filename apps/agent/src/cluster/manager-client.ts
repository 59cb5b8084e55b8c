/** A gRPC client of the managers' dispatcher, with this node's identity: used by the session and by the calls beside it. */
import { DISPATCHER_SERVICE, GrpcClient } from '@berth/proto';
import type { Membership } from './membership.repository';

export const MANAGER_NAME = {
  what: 'the Berth manager',
  hint: 'Is berth-manager running and reachable from this machine?',
};

export function managerClient(
  membership: Membership,
  pingEveryMs = 0,
): GrpcClient<typeof DISPATCHER_SERVICE> {
  return new GrpcClient(
    DISPATCHER_SERVICE,
    {
      address: membership.managerAddr,
      tls: { ca: membership.caPem, cert: membership.certPem, key: membership.keyPem },
    },
    MANAGER_NAME,
    pingEveryMs,
  );
}
