import { webcrypto } from 'node:crypto';
import { ClusterCa, LoadedCa, loadCa, randomSerial } from './ca';
import { verifiedCsrPublicKey } from './csr';
import { TrustError } from './errors';
import { NodeRole, roleUnit } from './identity';
import { exportPrivateKeyPem, generateKeyPair } from './keys';
import { assertClusterId, assertDnsName, assertIp, assertNodeId } from './names';
import { Validity, validityForDays } from './validity';
import { SIGNING_ALGORITHM, x509 } from './x509';

/**
 * A CA parsed and checked once per object: a manager signs with the same one for every machine
 * that joins, and parsing its certificate and importing its key cost more than the signature.
 * A failed load is not kept.
 */
const loadedCas = new WeakMap<ClusterCa, Promise<LoadedCa>>();
function loadedCa(ca: ClusterCa): Promise<LoadedCa> {
  let loaded = loadedCas.get(ca);
  if (!loaded) {
    loaded = loadCa(ca);
    loadedCas.set(ca, loaded);
    loaded.catch(() => loadedCas.delete(ca));
  }
  return loaded;
}

/** Extra names a manager answers to, beyond its node id (its listen address, a VIP…). */
export interface AltNames {
  dns?: string[];
  ips?: string[];
}

export interface NodeCertificateOptions {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
  /** Default 90: short enough that a lost node's certificate soon stops working. */
  validityDays?: number;
  /** Managers only: a worker's certificate names the worker and nothing else. */
  altNames?: AltNames;
  now?: Date;
}

export interface ServerCertificateOptions {
  /** The manager's node id. */
  commonName: string;
  dns: string[];
  ips: string[];
  validityDays?: number;
  now?: Date;
}

/** A certificate with the key it was issued for, both PEM (the key PKCS#8). */
export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

/** Everything a node certificate says, checked and defaulted once. */
interface CertificateProfile {
  nodeId: string;
  role: NodeRole;
  dns: string[];
  ips: string[];
  validity: Validity;
}

const DEFAULT_VALIDITY_DAYS = 90;

/**
 * Issues a node certificate for the key in a CSR. The identity (node id, role, cluster) comes
 * from the manager's options, never from the CSR's subject: a joining machine proves it holds
 * its key, the manager decides who it is.
 */
export async function signNodeCertificate(
  ca: ClusterCa,
  csrPem: string,
  options: NodeCertificateOptions,
): Promise<string> {
  const loaded = await loadedCa(ca);
  assertSameCluster(loaded, options.clusterId);
  const profile = compileProfile(options);
  const publicKey = await verifiedCsrPublicKey(csrPem);
  return issue(loaded, publicKey, profile);
}

/**
 * A key and certificate for a manager's own TLS listener. A manager is a node too, so this is
 * its manager node certificate with the listen names added; 127.0.0.1 is always included so
 * local tools can reach it. The same certificate serves as its client identity.
 */
export async function issueServerCertificate(
  ca: ClusterCa,
  options: ServerCertificateOptions,
): Promise<IssuedCertificate> {
  const loaded = await loadedCa(ca);
  const profile = compileProfile({
    nodeId: options.commonName,
    role: 'manager',
    clusterId: loaded.clusterId,
    altNames: { dns: options.dns, ips: [...options.ips, '127.0.0.1'] },
    validityDays: options.validityDays,
    now: options.now,
  });
  const keys = await generateKeyPair();
  const certPem = await issue(loaded, keys.publicKey, profile);
  return { certPem, keyPem: await exportPrivateKeyPem(keys.privateKey) };
}

function assertSameCluster(ca: LoadedCa, clusterId: string): void {
  assertClusterId(clusterId);
  if (clusterId !== ca.clusterId) {
    throw new TrustError(
      'cluster-mismatch',
      `cluster "${clusterId}" is not the CA's cluster "${ca.clusterId}"`,
    );
  }
}

function compileProfile(options: NodeCertificateOptions): CertificateProfile {
  assertNodeId(options.nodeId);
  const dns = options.altNames?.dns ?? [];
  const ips = options.altNames?.ips ?? [];
  if (options.role !== 'manager' && dns.length + ips.length > 0) {
    // A worker certificate that also named a manager's address could pose as that manager.
    throw new TrustError('bad-name', 'only manager certificates may carry extra DNS names or IPs');
  }
  dns.forEach(assertDnsName);
  ips.forEach(assertIp);
  const days = options.validityDays ?? DEFAULT_VALIDITY_DAYS;
  if (!Number.isFinite(days) || days <= 0) {
    throw new TrustError('bad-validity', `invalid validity "${days}": a positive number of days`);
  }
  return {
    nodeId: options.nodeId,
    role: options.role,
    dns: unique([options.nodeId, ...dns]),
    ips: unique(ips),
    validity: validityForDays(options.now ?? new Date(), days),
  };
}

async function issue(
  ca: LoadedCa,
  publicKey: x509.PublicKey | webcrypto.CryptoKey,
  profile: CertificateProfile,
): Promise<string> {
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ CN: [profile.nodeId] }, { OU: [roleUnit(profile.role)] }, { O: [ca.clusterId] }],
    // The CA's own encoded name, so issuer and CA subject match byte for byte in chain building.
    issuer: ca.cert.subjectName,
    notBefore: profile.validity.notBefore,
    // Never past the CA: a certificate cannot outlive what vouches for it.
    notAfter: earlier(profile.validity.notAfter, ca.cert.notAfter),
    publicKey,
    signingKey: ca.signingKey.key,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: await nodeExtensions(ca, publicKey, profile),
  });
  return cert.toString('pem');
}

async function nodeExtensions(
  ca: LoadedCa,
  publicKey: x509.PublicKey | webcrypto.CryptoKey,
  profile: CertificateProfile,
): Promise<x509.Extension[]> {
  const names = [
    ...profile.dns.map((value) => ({ type: 'dns' as const, value })),
    ...profile.ips.map((value) => ({ type: 'ip' as const, value })),
  ];
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    // ECDHE-ECDSA handshakes only sign; there is no key encipherment with EC keys.
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    // Both: every node is a server to some peers and a client to others.
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
    new x509.SubjectAlternativeNameExtension(names),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
    await authorityKeyId(ca),
  ];
}

// The CA's own key id when it has one, so chain builders can match it exactly.
async function authorityKeyId(ca: LoadedCa): Promise<x509.AuthorityKeyIdentifierExtension> {
  const ski = ca.cert.getExtension(x509.SubjectKeyIdentifierExtension);
  return ski
    ? new x509.AuthorityKeyIdentifierExtension(ski.keyId)
    : x509.AuthorityKeyIdentifierExtension.create(ca.cert);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
