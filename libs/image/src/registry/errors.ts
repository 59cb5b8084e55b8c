/** What went wrong talking to a registry, with what to do about it. */
import { ImageError } from '../errors';

export interface RegistryErrorDetail {
  code: string;
  message: string;
}

/** The registry answered with an error (distribution's JSON errors when it sends them). */
export class RegistryError extends ImageError {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly errors: RegistryErrorDetail[],
    hint = '',
  ) {
    const what = errors.length ? errors.map((e) => `${e.code}: ${e.message}`).join('; ') : `HTTP ${status}`;
    super(
      `registry ${new URL(url).host} refused ${new URL(url).pathname}: ${what}${hint ? ` (${hint})` : ''}`,
    );
  }

  has(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

export class RegistryUnreachableError extends ImageError {
  constructor(
    readonly host: string,
    readonly reason: string,
    hint: string,
  ) {
    super(`cannot reach registry ${host} (${reason}): ${hint}`);
  }
}

export class AuthenticationError extends ImageError {
  constructor(
    readonly host: string,
    reason: string,
  ) {
    super(`${host}: ${reason}`);
  }
}
