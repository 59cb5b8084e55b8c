import { Injectable } from '@nestjs/common';
import * as crypto from 'node:crypto';
import type { CallContext } from '@berth/proto/server';
import { readIdentityFromDer, verifyCertificateChain, type NodeIdentity } from '@berth/trust';
import { ClusterService } from '../cluster/cluster.service';
import { denied, unauthenticated } from '../errors';

/**
 * Who is calling over TLS. The listener lets clients in without a certificate (a joining machine
 * has none yet), so each method says what it needs: any certificate of this cluster, or a
 * manager's. (The local unix socket is guarded by its file mode instead.)
 */
@Injectable()
export class Authorizer {
  /** sha256 of a certificate → its verified identity */
  private readonly verified = new Map<string, NodeIdentity>();

  constructor(private readonly cluster: ClusterService) {}

  async identify(context: CallContext): Promise<NodeIdentity> {
    const der = context.peerCertificate;
    if (!der?.length)
      throw unauthenticated(
        'no client certificate: use the context saved by `berth cluster init` (see `berth context ls`)',
      );
    const digest = crypto.createHash('sha256').update(der).digest('hex');
    const known = this.verified.get(digest);
    if (known && known.notAfter.getTime() > Date.now()) return known;
    const cluster = this.cluster.require();
    const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
    if (!(await verifyCertificateChain(pem, cluster.ca.certPem)))
      throw unauthenticated(
        "the client certificate is not from this cluster's CA (is the context for another cluster?)",
      );
    const identity = readIdentityFromDer(der);
    this.verified.set(digest, identity);
    return identity;
  }

  /** CLI calls over TLS: a manager-role certificate. */
  async requireAdmin(context: CallContext): Promise<void> {
    const identity = await this.identify(context);
    if (identity.role !== 'manager')
      throw denied(`node ${identity.nodeId} is a worker: manage the cluster from a manager`);
  }
}
