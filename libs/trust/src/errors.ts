/** Errors of the cluster PKI: one class with a code, so callers branch on `code`, never on text. */

export type TrustErrorCode =
  | 'bad-passphrase'
  | 'bad-sealed-key'
  | 'bad-key'
  | 'bad-csr'
  | 'bad-csr-signature'
  | 'bad-certificate'
  | 'bad-identity'
  | 'bad-name'
  | 'bad-validity'
  | 'cluster-mismatch'
  | 'bad-token-format';

export class TrustError extends Error {
  constructor(
    readonly code: TrustErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
