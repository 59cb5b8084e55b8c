/**
 * The Docker API version a request is served at, read from the path the client sent (Fastify
 * keeps it as originalUrl when the version prefix is cut off), and what depends on it: the
 * headers of every answer, and `@RequestApiVersion()` for routes whose answer differs by version.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { servedVersion, splitApiPath } from './api-version';

/** The version served for ORIGINAL_URL (throws ApiVersionError when it names one not served). */
export function apiVersionOf(originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  return servedVersion(splitApiPath(q < 0 ? originalUrl : originalUrl.slice(0, q)).version);
}

/** The version an answer carries: the one served, or the newest when the request's was refused. */
export function answerVersion(originalUrl: string): string {
  try {
    return apiVersionOf(originalUrl);
  } catch {
    return servedVersion(null);
  }
}

export const RequestApiVersion = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  apiVersionOf(context.switchToHttp().getRequest<FastifyRequest>().originalUrl),
);

/** The headers dockerd puts on every answer, for an answer served at VERSION. */
export function dockerAnswerHeaders(version: string, engineVersion: string): Record<string, string> {
  return {
    'Api-Version': version,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: `Berth/${engineVersion} (linux)`,
  };
}
