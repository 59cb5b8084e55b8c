/**
 * `@RequestApiVersion()`: the Docker API version a request is served at, for the routes whose
 * answer depends on it — read from the path the client sent (Fastify keeps it as originalUrl
 * when the version prefix is cut off).
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { servedVersion, splitApiPath } from './api-version';

export function apiVersionOf(originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  return servedVersion(splitApiPath(q < 0 ? originalUrl : originalUrl.slice(0, q)).version);
}

export const RequestApiVersion = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  apiVersionOf(context.switchToHttp().getRequest<FastifyRequest>().originalUrl),
);
