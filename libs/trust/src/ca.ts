import { randomBytes, webcrypto } from 'node:crypto';
import { TrustError } from './errors';
import { exportPrivateKeyPem, generateKeyPair, importSigningKey, SigningKey } from './keys';
import { assertClusterId } from './names';
import { parseCertificate, singleField } from './parse';
import { SIGNING_ALGORITHM, x509 } from './x509';
import { validityForYears } from './validity';

/** The cluster's root of trust. Callers persist it; the key only ever sealed (see sealed.ts). */
export interface ClusterCa {
  certPem: string;
  /** PKCS#8 PEM. */
  keyPem: string;
}

export const CA_COMMON_NAME = 'berth-cluster-ca';
const CA_VALIDITY_YEARS = 20;

/** A CA loaded for signing: parsed certificate, imported key and the cluster it belongs to. */
export interface LoadedCa {
  cert: x509.X509Certificate;
  signingKey: SigningKey;
  clusterId: string;
}

/** A self-signed ECDSA P-256 CA whose subject names the cluster (O = clusterId). */
export async function createClusterCa(clusterId: string, now: Date = new Date()): Promise<ClusterCa> {
  assertClusterId(clusterId);
  const keys = await generateKeyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ CN: [CA_COMMON_NAME] }, { O: [clusterId] }],
    ...validityForYears(now, CA_VALIDITY_YEARS),
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: await caExtensions(keys.publicKey),
  });
  return { certPem: cert.toString('pem'), keyPem: await exportPrivateKeyPem(keys.privateKey) };
}

async function caExtensions(publicKey: webcrypto.CryptoKey): Promise<x509.Extension[]> {
  return [
    // pathLength 0: the cluster CA signs node certificates only, never another CA.
    new x509.BasicConstraintsExtension(true, 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
}

/** 128 random bits; the library makes the DER integer positive. */
export function randomSerial(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Parses and checks a CA before it signs anything: it must be a Berth CA and the key must be
 * its own, or every certificate it issued would be silently untrusted by the cluster.
 */
export async function loadCa(ca: ClusterCa): Promise<LoadedCa> {
  const cert = parseCertificate(ca.certPem);
  const clusterId = singleField(cert.subjectName, 'O');
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  if (!clusterId || !basic?.ca) {
    throw new TrustError('bad-certificate', `not a Berth cluster CA: subject "${cert.subject}"`);
  }
  const signingKey = await importSigningKey(ca.keyPem);
  if (!signingKey.publicKeyDer.equals(Buffer.from(cert.publicKey.rawData))) {
    throw new TrustError('bad-key', 'the CA key does not belong to the CA certificate');
  }
  return { cert, signingKey, clusterId };
}
