import { TrustError } from './errors';
import { exportPrivateKeyPem, generateKeyPair } from './keys';
import { KEY_ALGORITHM, SIGNING_ALGORITHM, x509 } from './x509';

/** What a joining machine keeps (the key) and what it sends to a manager (the CSR). */
export interface KeyAndCsr {
  keyPem: string;
  csrPem: string;
}

// X.520 upper bound for commonName.
const MAX_COMMON_NAME = 64;

/**
 * A new key pair and a CSR signed with it. The CSR's subject is only a hint: the manager
 * decides the node id and role and ignores whatever the CSR claims (see certificates.ts).
 */
export async function createKeyAndCsr(commonName: string): Promise<KeyAndCsr> {
  if (commonName.length === 0 || commonName.length > MAX_COMMON_NAME) {
    throw new TrustError(
      'bad-name',
      `invalid common name "${commonName}": 1 to ${MAX_COMMON_NAME} characters`,
    );
  }
  const keys = await generateKeyPair();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: [{ CN: [commonName] }],
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
  });
  return { keyPem: await exportPrivateKeyPem(keys.privateKey), csrPem: csr.toString('pem') };
}

/**
 * The public key of a CSR, once the CSR proves possession of the matching private key.
 * Only P-256 keys are accepted, so every certificate in a cluster has the same key type.
 */
export async function verifiedCsrPublicKey(csrPem: string): Promise<x509.PublicKey> {
  const csr = parseCsr(csrPem);
  const algorithm = csr.publicKey.algorithm as { name?: string; namedCurve?: string };
  if (algorithm.name !== KEY_ALGORITHM.name || algorithm.namedCurve !== KEY_ALGORITHM.namedCurve) {
    throw new TrustError('bad-csr', 'CSR key must be ECDSA P-256');
  }
  if (!(await verifySignature(csr))) {
    throw new TrustError('bad-csr-signature', 'CSR signature does not match its public key');
  }
  return csr.publicKey;
}

function parseCsr(csrPem: string): x509.Pkcs10CertificateRequest {
  try {
    return new x509.Pkcs10CertificateRequest(csrPem);
  } catch (err) {
    throw new TrustError('bad-csr', `cannot parse CSR: ${(err as Error).message}`);
  }
}

// A signature that cannot even be decoded is as bad as one that does not verify.
async function verifySignature(csr: x509.Pkcs10CertificateRequest): Promise<boolean> {
  try {
    return await csr.verify();
  } catch {
    return false;
  }
}
