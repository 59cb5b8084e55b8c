import type { FileObject, FileReference, Network, Service, ServiceSpec } from '@berth/cluster';
import { makeService } from '@berth/cluster/testing';
import {
  planStack,
  planStackRemoval,
  servicesOfStack,
  STACK_LABEL,
  type DesiredFile,
  type DesiredNetwork,
} from './stack-plan';

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
        files: [],
      },
      { services: current, networks: [], secrets: [], configs: [] },
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
      { services: [{ ...reordered, ...deployed.spec }], networks: [], files: [] },
      { services: [deployed], networks: [], secrets: [], configs: [] },
      false,
    );
    expect(plan.unchanged).toHaveLength(1);
  });

  it("should remove the stack's services no longer in the file only with prune, and never another stack's", () => {
    const current = [inStack('app_web'), inStack('app_old'), inStack('other_x', 'other')];
    const desired = { services: [spec('app_web')], networks: [], files: [] };
    expect(
      planStack('app', desired, { services: current, networks: [], secrets: [], configs: [] }, false).remove,
    ).toEqual([]);
    expect(
      planStack(
        'app',
        desired,
        { services: current, networks: [], secrets: [], configs: [] },
        true,
      ).remove.map((s) => s.spec.name),
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
      { services: [web.spec], networks: [wanted('app_kept')], files: [] },
      { services: [web], networks, secrets: [], configs: [] },
      true,
    );
    expect(plan.removeNetworks.map((n) => n.spec.name)).toEqual(['app_gone']);
    const kept = planStack(
      'app',
      { services: [web.spec], networks: [], files: [] },
      { services: [web], networks, secrets: [], configs: [] },
      false,
    );
    expect(kept.removeNetworks).toEqual([]);
  });

  it('should refuse an external network that does not exist, and a service name another stack owns', () => {
    const plan = planStack(
      'app',
      { services: [spec('app_web')], networks: [wanted('shared', true), wanted('there', true)], files: [] },
      { services: [inStack('app_web', 'other')], networks: [network('there')], secrets: [], configs: [] },
      false,
    );
    expect(plan.problems).toEqual([
      'network "shared" is declared as external, but could not be found: create it with berth network create -d overlay',
      'service app_web exists and is not part of stack app: remove it or choose another stack name',
    ]);
    expect(plan.createNetworks).toEqual([]);
  });
});

describe('planStack with secrets and configs', () => {
  const stored = (name: string, digest: string, stack = 'app'): FileObject => ({
    id: `id-${name}`,
    meta: { version: 1, createdAt: 0, updatedAt: 0 },
    spec: { name, labels: stack ? { [STACK_LABEL]: stack } : {} },
    data: 'sealed',
    digest,
  });
  const desiredFile = (
    name: string,
    digest: string,
    kind: 'secrets' | 'configs' = 'secrets',
    external = false,
  ) => ({ kind, name, external, labels: {}, data: 'ZGF0YQ==', digest }) as DesiredFile & { digest: string };
  const using = (name: string, secret: string): ServiceSpec => {
    const base = spec(name);
    const reference: FileReference = {
      source: secret,
      target: `/run/secrets/${secret}`,
      uid: '0',
      gid: '0',
      mode: 0o444,
    };
    return { ...base, task: { ...base.task, container: { ...base.task.container, secrets: [reference] } } };
  };
  const none = { services: [], networks: [], secrets: [], configs: [] };

  it('should create the missing ones and leave alone those with the same content', () => {
    const plan = planStack(
      'app',
      {
        services: [],
        networks: [],
        files: [desiredFile('app_a', 'd1'), desiredFile('app_b', 'd2', 'configs')],
      },
      { ...none, secrets: [stored('app_a', 'd1')] },
      false,
    );
    expect(plan.createFiles.map((f) => `${f.kind}/${f.name}`)).toEqual(['configs/app_b']);
    expect(plan.problems).toEqual([]);
  });

  it('should refuse a changed content and a missing external one', () => {
    const plan = planStack(
      'app',
      {
        services: [],
        networks: [],
        files: [desiredFile('app_a', 'new'), desiredFile('shared', '', 'configs', true)],
      },
      { ...none, secrets: [stored('app_a', 'old')] },
      false,
    );
    expect(plan.problems).toEqual([
      'secret app_a exists with another content, and a secret cannot change: give the new content a new name (name: in the file)',
      'config "shared" is declared as external, but could not be found: create it with berth config create shared FILE',
    ]);
    expect(plan.createFiles).toEqual([]);
  });

  it("should prune the stack's files the file dropped, unless a service still uses them, and never another's", () => {
    const web = { ...inStack('app_web'), spec: using('app_web', 'app_used') };
    const secrets = [
      stored('app_used', 'x'),
      stored('app_gone', 'y'),
      stored('other_s', 'z', 'other'),
      stored('plain', 'w', ''),
    ];
    const plan = planStack(
      'app',
      { services: [web.spec], networks: [], files: [] },
      { ...none, services: [web], secrets },
      true,
    );
    expect(plan.removeFiles.map((f) => f.object.spec.name)).toEqual(['app_gone']);
    expect(
      planStack(
        'app',
        { services: [web.spec], networks: [], files: [] },
        { ...none, services: [web], secrets },
        false,
      ).removeFiles,
    ).toEqual([]);
  });
});

describe('planStackRemoval', () => {
  const labelled = (name: string, stack: string): Network => ({
    ...network(name),
    spec: { ...network(name).spec, labels: { [STACK_LABEL]: stack } },
  });
  const secret = (name: string, stack: string): FileObject => ({
    id: `id-${name}`,
    meta: { version: 1, createdAt: 0, updatedAt: 0 },
    spec: { name, labels: { [STACK_LABEL]: stack } },
    data: 'sealed',
    digest: 'd',
  });

  it("should remove the stack's services, networks and files, and keep what another stack's service uses", () => {
    const outsider = inStack('other_web', 'other');
    const ref: FileReference = {
      source: 'app_shared',
      target: '/run/secrets/s',
      uid: '0',
      gid: '0',
      mode: 0o444,
    };
    const usingBoth = {
      ...outsider,
      spec: {
        ...outsider.spec,
        networks: [{ target: 'net-app_front', aliases: [] }],
        task: { ...outsider.spec.task, container: { ...outsider.spec.task.container, secrets: [ref] } },
      },
    };
    const removal = planStackRemoval('app', {
      services: [inStack('app_web'), usingBoth],
      networks: [labelled('app_front', 'app'), labelled('app_back', 'app'), labelled('other_net', 'other')],
      secrets: [secret('app_shared', 'app'), secret('app_own', 'app'), secret('other_s', 'other')],
      configs: [],
    });
    expect(removal.services.map((s) => s.spec.name)).toEqual(['app_web']);
    expect(removal.networks.map((n) => n.spec.name)).toEqual(['app_back']);
    expect(removal.files.map((f) => f.object.spec.name)).toEqual(['app_own']);
    expect(removal.kept).toEqual([
      'network app_front (in use by other_web)',
      'secret app_shared (in use by other_web)',
    ]);
  });
});

describe('servicesOfStack', () => {
  it("should pick the services labelled with the stack's name", () => {
    expect(servicesOfStack([inStack('a_x', 'a'), inStack('b_x', 'b')], 'a').map((s) => s.spec.name)).toEqual([
      'a_x',
    ]);
  });
});
