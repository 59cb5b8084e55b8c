/**
 * The engine's own services, lent to the Docker API's Nest application. Nest calls the
 * lifecycle hooks of every provider an application holds, a borrowed value included: lent as it
 * is, ClusterAgentService would open a second session with the managers, ContainersService
 * restore every container twice, NetworksService start twice — and stop twice on close. So the
 * API gets a view of each service without its hooks, which stay the engine application's to call.
 */
import type { INestApplicationContext, Provider } from '@nestjs/common';

const LIFECYCLE_HOOKS = new Set<PropertyKey>([
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);

/** INSTANCE with its lifecycle hooks hidden; its methods run on the instance itself. */
export function withoutLifecycleHooks<T extends object>(instance: T): T {
  return new Proxy(instance, {
    get(target, property) {
      if (LIFECYCLE_HOOKS.has(property)) return undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A provider of the engine's own instance of TOKEN, its hooks hidden. */
export function engineProvider(
  engine: INestApplicationContext,
  token: string | symbol | (abstract new (...args: never[]) => object),
): Provider {
  const instance = engine.get<object>(token as never);
  return { provide: token, useValue: withoutLifecycleHooks(instance) };
}
