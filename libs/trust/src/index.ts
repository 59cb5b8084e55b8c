/**
 * @berth/trust — the cluster's PKI and join tokens: pure functions over Node crypto. Nothing
 * here reads or writes files or the network; callers persist what these return.
 */
export { TrustError, type TrustErrorCode } from './errors';
export { createClusterCa, type ClusterCa } from './ca';
export {
  createDataKey,
  sealWithKey,
  sealWithPassphrase,
  unsealWithKey,
  unsealWithPassphrase,
} from './sealed';
export { createKeyAndCsr, type KeyAndCsr } from './csr';
export {
  issueServerCertificate,
  signNodeCertificate,
  type AltNames,
  type IssuedCertificate,
  type NodeCertificateOptions,
  type ServerCertificateOptions,
} from './certificates';
export { readIdentity, readIdentityFromDer, type NodeIdentity, type NodeRole } from './identity';
export {
  caDigestOf,
  createJoinToken,
  parseJoinToken,
  tokenMatches,
  verifyCaDigest,
  type JoinToken,
} from './tokens';
export { verifyCertificateChain } from './verify';
