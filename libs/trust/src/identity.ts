import { TrustError } from './errors';
import { parseCertificate, singleField } from './parse';
import type { x509 } from './x509';

export type NodeRole = 'manager' | 'worker';

/** Who holds a node certificate, as the manager learns it from a TLS peer. */
export interface NodeIdentity {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
  notAfter: Date;
}

/** The role travels in the subject's OU, as `berth-manager` or `berth-worker`. */
export function roleUnit(role: NodeRole): string {
  return `berth-${role}`;
}

function roleFromUnit(unit: string | undefined): NodeRole | undefined {
  switch (unit) {
    case roleUnit('manager'):
      return 'manager';
    case roleUnit('worker'):
      return 'worker';
    default:
      return undefined;
  }
}

/**
 * Reads the identity in a node certificate. It does not verify the certificate: on a TLS
 * connection the handshake has already done so against the cluster CA (rejectUnauthorized).
 */
export function readIdentity(certPem: string): NodeIdentity {
  return identityOf(parseCertificate(certPem));
}

/** Same, from DER bytes, which is what `tlsSocket.getPeerCertificate().raw` gives. */
export function readIdentityFromDer(raw: Uint8Array): NodeIdentity {
  return identityOf(parseCertificate(raw));
}

function identityOf(cert: x509.X509Certificate): NodeIdentity {
  const nodeId = singleField(cert.subjectName, 'CN');
  const clusterId = singleField(cert.subjectName, 'O');
  const role = roleFromUnit(singleField(cert.subjectName, 'OU'));
  if (!nodeId || !clusterId || !role) {
    throw new TrustError('bad-identity', `not a Berth node certificate: subject "${cert.subject}"`);
  }
  return { nodeId, role, clusterId, notAfter: cert.notAfter };
}
