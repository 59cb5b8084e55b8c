import { isIP } from 'node:net';
import { TrustError } from './errors';

// Names end up in certificate subjects and SANs, where a stray character either breaks TLS
// name matching or lets one caller's input pose as another field; so they are checked first.

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
// X.520 upper bound for organizationName, which carries the cluster id.
const MAX_CLUSTER_ID = 64;

/** A node id is the certificate's CN and its DNS SAN, so it must be one DNS label. */
export function assertNodeId(nodeId: string): void {
  if (!DNS_LABEL.test(nodeId)) {
    throw new TrustError('bad-name', `invalid node id "${nodeId}": use letters, digits and '-', up to 63`);
  }
}

export function assertClusterId(clusterId: string): void {
  // Printable ASCII only: the id is compared byte for byte when a peer's identity is read.
  if (!/^[\x21-\x7e]+$/.test(clusterId) || clusterId.length > MAX_CLUSTER_ID) {
    throw new TrustError(
      'bad-name',
      `invalid cluster id "${clusterId}": use printable ASCII without spaces, up to ${MAX_CLUSTER_ID}`,
    );
  }
}

export function assertDnsName(name: string): void {
  const labels = name.split('.');
  if (name.length > 253 || !labels.every((label) => DNS_LABEL.test(label))) {
    throw new TrustError('bad-name', `invalid DNS name "${name}"`);
  }
}

export function assertIp(ip: string): void {
  // Zones ("fe80::1%eth0") have no place in a certificate, and the x509 library mis-encodes
  // IPv6 with an embedded IPv4 tail ("::ffff:10.0.0.1"); callers pass the plain form instead.
  const embedded = ip.includes(':') && ip.includes('.');
  if (isIP(ip) === 0 || ip.includes('%') || embedded) {
    throw new TrustError('bad-name', `invalid IP address "${ip}"`);
  }
}
