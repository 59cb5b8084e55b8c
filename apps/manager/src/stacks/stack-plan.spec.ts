import type { Network, Service, ServiceSpec } from '@berth/cluster';
import { makeService } from '@berth/scheduler/testing';
import { planStack, servicesOfStack, STACK_LABEL, type DesiredNetwork } from './stack-plan';

function inStack(name: string, stack = 'app', image = 'busybox'): Service {
  const s = makeService({ id: `id-${name}`, name, image });
  return { ...s, spec: { ...s.spec, labels: { [STACK_LABEL]: stack } } };
}

const spec = (name: string, image = 'busybox'): ServiceSpec => inStack(name, 'app', image).spec;

const network = (name: string): Network => ({
  id: `net-${name}`,
  meta: { version: 1, createdAt: 0, updatedAt: 0 },
  spec: { name, driver: 'overlay', labels: {}, attachable: false, ingress: false, subnet: '' },
  subnet: '10.0.1.0/24',
  gateway: '10.0.1.1',
  vni: 4097,
});

const wanted = (name: string, external = false): DesiredNetwork => ({
  name,
  external,
  attachable: false,
  labels: {},
  subnet: '',
});

describe('planStack', () => {
  it('should create what is missing, update what changed and leave alone what did not', () => {
    const current = [inStack('app_web'), inStack('app_db')];
    const plan = planStack(
      'app',
      {
        services: [spec('app_web', 'busybox:2'), spec('app_db'), spec('app_new')],
        networks: [wanted('app_default')],
      },
      { services: current, networks: [] },
      false,
    );
    expect(plan.create.map((s) => s.name)).toEqual(['app_new']);
    expect(plan.update.map((u) => u.spec.name)).toEqual(['app_web']);
    expect(plan.unchanged.map((s) => s.spec.name)).toEqual(['app_db']);
    expect(plan.createNetworks.map((n) => n.name)).toEqual(['app_default']);
    expect(plan.remove).toEqual([]);
    expect(plan.problems).toEqual([]);
  });

  it('should see the same spec with its keys in another order as unchanged', () => {
    const deployed = inStack('app_web');
    const reordered = JSON.parse(
      JSON.stringify(deployed.spec, Object.keys(deployed.spec).sort()),
    ) as ServiceSpec;
    const plan = planStack(
      'app',
      { services: [{ ...reordered, ...deployed.spec }], networks: [] },
      { services: [deployed], networks: [] },
      false,
    );
    expect(plan.unchanged).toHaveLength(1);
  });

  it("should remove the stack's services no longer in the file only with prune, and never another stack's", () => {
    const current = [inStack('app_web'), inStack('app_old'), inStack('other_x', 'other')];
    const desired = { services: [spec('app_web')], networks: [] };
    expect(planStack('app', desired, { services: current, networks: [] }, false).remove).toEqual([]);
    expect(
      planStack('app', desired, { services: current, networks: [] }, true).remove.map((s) => s.spec.name),
    ).toEqual(['app_old']);
  });

  it("should prune the stack's networks the file dropped, unless a remaining service still uses them", () => {
    const mine = (name: string): Network => ({
      ...network(name),
      spec: { ...network(name).spec, labels: { [STACK_LABEL]: 'app' } },
    });
    const web = {
      ...inStack('app_web'),
      spec: { ...spec('app_web'), networks: [{ target: 'net-app_used', aliases: [] }] },
    };
    const networks = [mine('app_kept'), mine('app_used'), mine('app_gone'), network('foreign')];
    const plan = planStack(
      'app',
      { services: [web.spec], networks: [wanted('app_kept')] },
      { services: [web], networks },
      true,
    );
    expect(plan.removeNetworks.map((n) => n.spec.name)).toEqual(['app_gone']);
    const kept = planStack(
      'app',
      { services: [web.spec], networks: [] },
      { services: [web], networks },
      false,
    );
    expect(kept.removeNetworks).toEqual([]);
  });

  it('should refuse an external network that does not exist, and a service name another stack owns', () => {
    const plan = planStack(
      'app',
      { services: [spec('app_web')], networks: [wanted('shared', true), wanted('there', true)] },
      { services: [inStack('app_web', 'other')], networks: [network('there')] },
      false,
    );
    expect(plan.problems).toEqual([
      'network "shared" is declared as external, but could not be found: create it with berth network create -d overlay',
      'service app_web exists and is not part of stack app: remove it or choose another stack name',
    ]);
    expect(plan.createNetworks).toEqual([]);
  });
});

describe('servicesOfStack', () => {
  it("should pick the services labelled with the stack's name", () => {
    expect(servicesOfStack([inStack('a_x', 'a'), inStack('b_x', 'b')], 'a').map((s) => s.spec.name)).toEqual([
      'a_x',
    ]);
  });
});
