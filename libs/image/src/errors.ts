/** Errors of the image library: classes with fields, so callers branch on type. */

export class ImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidReferenceError extends ImageError {
  constructor(
    readonly reference: string,
    readonly reason: string,
  ) {
    super(`invalid reference format "${reference}": ${reason}`);
  }
}

export class InvalidDigestError extends ImageError {
  constructor(readonly value: string) {
    super(`invalid digest "${value}": expected sha256: followed by 64 lowercase hex digits`);
  }
}

/** Content that is not what it claims to be: never stored, never used. */
export class CorruptContentError extends ImageError {}

/** Bytes that do not hash to the digest they were named by. */
export class DigestMismatchError extends CorruptContentError {
  constructor(
    readonly expected: string,
    readonly actual: string,
    readonly what = 'blob',
  ) {
    super(
      `${what} digest mismatch: expected ${expected}, got ${actual}; the content is corrupt and was not stored`,
    );
  }
}

export class ImageNotFoundError extends ImageError {
  constructor(
    readonly reference: string,
    hint = '',
  ) {
    super(`image "${reference}" not found${hint ? `: ${hint}` : ''}`);
  }
}

export class BlobNotFoundError extends ImageError {
  constructor(readonly digest: string) {
    super(`blob ${digest} is not in the content store`);
  }
}

/** An image a container (or another holder) still uses. */
export class ImageInUseError extends ImageError {
  constructor(
    readonly reference: string,
    readonly holders: string[],
  ) {
    super(`image "${reference}" is being used by ${holders.join(', ')}; remove those first or use --force`);
  }
}

/** A tar stream or archive that does not follow its format, or would write outside its root. */
export class InvalidArchiveError extends ImageError {}

export class UnsupportedMediaTypeError extends ImageError {
  constructor(
    readonly mediaType: string,
    readonly where: string,
  ) {
    super(`${where}: media type ${mediaType} is not supported`);
  }
}
