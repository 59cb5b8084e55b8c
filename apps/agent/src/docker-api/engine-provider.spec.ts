import { withoutLifecycleHooks } from './engine-provider';

class Service {
  started = 0;
  readonly repo = { name: 'records' };
  onApplicationBootstrap(): void {
    this.started++;
  }
  onApplicationShutdown(): void {
    this.started--;
  }
  onModuleInit(): void {
    this.started++;
  }
  count(): number {
    return this.started;
  }
}

describe('an engine service lent to the Docker API', () => {
  it('should hide its lifecycle hooks from the second application', () => {
    const lent = withoutLifecycleHooks(new Service());
    expect(lent.onApplicationBootstrap).toBeUndefined();
    expect(lent.onApplicationShutdown).toBeUndefined();
    expect(lent.onModuleInit).toBeUndefined();
  });

  it('should run its methods on the instance itself, with its fields and class', () => {
    const service = new Service();
    const lent = withoutLifecycleHooks(service);
    service.onApplicationBootstrap(); // the engine's own application still calls it
    const count = lent.count; // a method read off the view, called detached
    expect(count()).toBe(1);
    expect(lent.repo).toBe(service.repo);
    expect(lent).toBeInstanceOf(Service);
  });
});
