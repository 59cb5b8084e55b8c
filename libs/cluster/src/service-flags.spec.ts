import { DEFAULT_UPDATE_CONFIG, defaultServiceSpec } from './defaults';
import type { ServiceSpec } from './objects';
import {
  applyFlags,
  parseFileReference,
  parseNetworkFlag,
  parsePlacementPref,
  parsePublish,
  scaledSpec,
  ServiceFlagError,
  specFromFlags,
  type FlagValues,
  type ServiceFlagInputs,
} from './service-flags';

/** Inputs that record when they are asked for, so tests see the flag order kept. */
function inputs(asked: string[] = []): ServiceFlagInputs {
  return {
    environment: () => (asked.push('environment'), ['A=1']),
    mounts: () => (
      asked.push('mounts'),
      [{ type: 'volume', source: 'data', target: '/data', readOnly: false }]
    ),
  };
}

/** A replicated web service with a little of everything update may change. */
function webSpec(): ServiceSpec {
  const spec = defaultServiceSpec('web', 'nginx:1');
  spec.mode = { replicated: { replicas: 2 } };
  spec.labels = { tier: 'web', team: 'a' };
  spec.task.container.env = ['A=1', 'B=2'];
  spec.task.container.secrets = [parseFileReference('secret', 'db')];
  spec.task.placement = {
    constraints: ['node.role==worker', 'node.labels.zone==a'],
    preferences: [{ spread: 'node.labels.zone' }],
    maxReplicasPerNode: 0,
  };
  return spec;
}

function refusal(map: () => unknown): string {
  try {
    map();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceFlagError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('service-flags', () => {
  describe(specFromFlags.name, () => {
    it('should fill Docker’s defaults around the image, the arguments and the inputs', () => {
      const spec = specFromFlags({}, ['nginx:1', 'nginx', '-g', 'daemon off;'], inputs());
      const expected = defaultServiceSpec('', 'nginx:1');
      expected.task.container.args = ['nginx', '-g', 'daemon off;'];
      expected.task.container.env = ['A=1'];
      expected.task.container.mounts = [{ type: 'volume', source: 'data', target: '/data', readOnly: false }];
      expect(spec).toEqual(expected);
    });

    it('should ask for its inputs in flag order, after the flags before them are checked', () => {
      const asked: string[] = [];
      expect(refusal(() => specFromFlags({ mode: 'daemonset' }, ['nginx'], inputs(asked)))).toBe(
        'invalid mode "daemonset": use replicated or global',
      );
      expect(asked).toEqual([]);
      specFromFlags({}, ['nginx'], inputs(asked));
      expect(asked).toEqual(['environment', 'mounts']);
    });

    it('should refuse with a ServiceFlagError', () => {
      expect(refusal(() => specFromFlags({ replicas: 'three' }, ['nginx'], inputs()))).toBe(
        'invalid argument "three" for "--replicas" flag: expected a whole number',
      );
    });
  });

  describe(applyFlags.name, () => {
    it('should change nothing when no flag is given', () => {
      const spec = webSpec();
      expect(applyFlags(spec, {})).toEqual(spec);
    });

    it('should leave the spec it was given as it was', () => {
      const spec = webSpec();
      const before = structuredClone(spec);
      applyFlags(spec, {
        replicas: '5',
        'constraint-add': ['node.labels.disk==ssd'],
        'label-rm': ['team'],
        'env-add': ['C=3'],
        'secret-rm': ['db'],
        force: true,
      });
      expect(spec).toEqual(before);
    });

    it('should set the replicas of a replicated service and refuse them for a global one', () => {
      expect(applyFlags(webSpec(), { replicas: '5' }).mode).toEqual({ replicated: { replicas: 5 } });
      const global = { ...webSpec(), mode: { global: {} } };
      expect(refusal(() => applyFlags(global, { replicas: '5' }))).toBe(
        'replicas can only be used with replicated mode',
      );
    });

    it('should remove, then add constraints and spread preferences', () => {
      const { placement } = applyFlags(webSpec(), {
        'constraint-rm': ['node.labels.zone==a'],
        'constraint-add': ['node.labels.zone==b'],
        'placement-pref-rm': ['spread=node.labels.zone'],
        'placement-pref-add': ['spread=node.labels.rack'],
        'max-replicas': '2',
      }).task;
      expect(placement).toEqual({
        constraints: ['node.role==worker', 'node.labels.zone==b'],
        preferences: [{ spread: 'node.labels.rack' }],
        maxReplicasPerNode: 2,
      });
      expect(refusal(() => applyFlags(webSpec(), { 'placement-pref-add': ['pack=x'] }))).toBe(
        'invalid placement preference "pack=x": use spread=node.labels.NAME',
      );
    });

    it('should remove and add labels, a bare key meaning an empty value', () => {
      expect(
        applyFlags(webSpec(), { 'label-rm': ['team'], 'label-add': ['tier=api', 'new'] }).labels,
      ).toEqual({
        tier: 'api',
        new: '',
      });
    });

    it('should take a new image and arguments', () => {
      const { container } = applyFlags(webSpec(), { image: 'nginx:2', args: ' nginx  -g x ' }).task;
      expect(container.image).toBe('nginx:2');
      expect(container.args).toEqual(['nginx', '-g', 'x']);
    });

    it('should replace a variable added again, and remove variables by name', () => {
      expect(
        applyFlags(webSpec(), { 'env-add': ['A=9', 'C=3'], 'env-rm': ['B'] }).task.container.env,
      ).toEqual(['A=9', 'C=3']);
    });

    it('should remove and add secrets and configs, a secret added again replacing the old', () => {
      const { container } = applyFlags(webSpec(), {
        'secret-add': ['source=db,target=password'],
        'config-add': ['nginx'],
      }).task;
      expect(container.secrets).toEqual([parseFileReference('secret', 'source=db,target=password')]);
      expect(container.configs).toEqual([parseFileReference('config', 'nginx')]);
      expect(applyFlags(webSpec(), { 'secret-rm': ['db'] }).task.container.secrets).toEqual([]);
    });

    it('should leave untouched references as they were, even absent', () => {
      const { container } = applyFlags(webSpec(), { 'env-add': ['C=3'] }).task;
      expect(container.secrets).toEqual([parseFileReference('secret', 'db')]);
      expect(container).not.toHaveProperty('configs');
    });

    it('should force a new rollout with --force', () => {
      expect(applyFlags(webSpec(), { force: true }).task.forceUpdate).toBe(webSpec().task.forceUpdate + 1);
    });

    it('should apply the rollout flags over the spec’s own settings', () => {
      const spec = { ...webSpec(), updateConfig: { ...DEFAULT_UPDATE_CONFIG, parallelism: 3 } };
      expect(applyFlags(spec, { 'update-delay': '2s' }).updateConfig).toEqual({
        ...DEFAULT_UPDATE_CONFIG,
        parallelism: 3,
        delayMs: 2000,
      });
      expect(refusal(() => applyFlags(spec, { 'rollback-order': 'sideways' }))).toBe(
        'invalid --rollback-order "sideways": use stop-first or start-first',
      );
    });
  });

  describe(scaledSpec.name, () => {
    it('should set the replicas, leaving the spec it was given as it was', () => {
      const spec = webSpec();
      expect(scaledSpec(spec, 7, 'web')).toEqual({ ...webSpec(), mode: { replicated: { replicas: 7 } } });
      expect(spec.mode).toEqual({ replicated: { replicas: 2 } });
    });

    it('should refuse a global service, naming it', () => {
      expect(refusal(() => scaledSpec({ ...webSpec(), mode: { global: {} } }, 3, 'agent'))).toBe(
        'scale can only be used with replicated mode (agent is global)',
      );
    });
  });

  it('should take flag values as the CLI’s parser gives them', () => {
    const values: FlagValues = { constraint: ['node.role==manager'], 'read-only': true, name: 'db' };
    expect(specFromFlags(values, ['postgres'], inputs()).task.placement.constraints).toEqual([
      'node.role==manager',
    ]);
  });

  describe(parsePublish.name, () => {
    it('should take PUBLISHED:TARGET[/PROTOCOL] as an ingress port', () => {
      expect(parsePublish('8080:80')).toEqual({
        publishedPort: 8080,
        targetPort: 80,
        protocol: 'tcp',
        publishMode: 'ingress',
      });
      expect(parsePublish('5353:53/udp')).toMatchObject({
        publishedPort: 5353,
        targetPort: 53,
        protocol: 'udp',
      });
    });

    it('should take a bare TARGET as a port with none published', () => {
      expect(parsePublish('80/tcp')).toEqual({
        publishedPort: 0,
        targetPort: 80,
        protocol: 'tcp',
        publishMode: 'ingress',
      });
    });

    it('should take the long form in any order, defaulting protocol and mode', () => {
      expect(parsePublish('target=80,published=8080')).toEqual({
        publishedPort: 8080,
        targetPort: 80,
        protocol: 'tcp',
        publishMode: 'ingress',
      });
      expect(parsePublish('mode=host,protocol=udp,target=53')).toEqual({
        publishedPort: 0,
        targetPort: 53,
        protocol: 'udp',
        publishMode: 'host',
      });
    });

    it.each(['127.0.0.1:8080:80', '8080:80/sctp', ':80', '8080:', 'a:b', ''])(
      'should refuse the short form "%s"',
      (text) => {
        expect(() => parsePublish(text)).toThrow(
          new ServiceFlagError(
            `invalid publish "${text}": use PUBLISHED:TARGET[/PROTOCOL] or published=…,target=…`,
          ),
        );
      },
    );

    it.each([
      ['published=80,protocol=sctp,target=80', 'invalid publish field "protocol=sctp"'],
      ['published=80,mode=routing,target=80', 'invalid publish field "mode=routing"'],
      ['published=80,port=80', 'invalid publish field "port=80"'],
    ])('should refuse an unknown field or value in "%s"', (text, message) => {
      expect(() => parsePublish(text)).toThrow(ServiceFlagError);
      expect(() => parsePublish(text)).toThrow(message);
    });

    it.each(['published=8080', 'published=8080,target=0', 'target=65536', 'target=http'])(
      'should refuse "%s" for want of a valid target port',
      (text) => {
        expect(() => parsePublish(text)).toThrow(
          new ServiceFlagError(`invalid publish "${text}": a target port is required`),
        );
      },
    );

    // Both forms check the target port's range.
    it.each(['8080:0', '8080:70000'])(
      'should refuse the short form "%s" with no valid target port',
      (text) => {
        expect(() => parsePublish(text)).toThrow(ServiceFlagError);
      },
    );

    // Both forms check the published port, so nothing out of range or not a number reaches the manager.
    it.each(['70000:80', 'published=70000,target=80', 'published=http,target=80'])(
      'should refuse "%s" for its published port',
      (text) => {
        expect(() => parsePublish(text)).toThrow(ServiceFlagError);
      },
    );
  });

  describe(parsePlacementPref.name, () => {
    it('should take the attribute to spread over', () => {
      expect(parsePlacementPref('spread=node.labels.zone')).toEqual({ spread: 'node.labels.zone' });
    });

    it.each(['spread=', 'spread', 'node.labels.zone', 'pack=node.labels.zone'])(
      'should refuse "%s"',
      (text) => {
        expect(() => parsePlacementPref(text)).toThrow(
          new ServiceFlagError(`invalid placement preference "${text}": use spread=node.labels.NAME`),
        );
      },
    );
  });
});

describe('parseNetworkFlag', () => {
  it('should take a bare name, or name= with aliases', () => {
    expect(parseNetworkFlag('app')).toEqual({ target: 'app', aliases: [] });
    expect(parseNetworkFlag('name=app,alias=db,alias=store')).toEqual({
      target: 'app',
      aliases: ['db', 'store'],
    });
  });

  it('should refuse unknown fields and a missing name', () => {
    expect(() => parseNetworkFlag('name=app,colour=red')).toThrow('invalid --network field "colour=red"');
    expect(() => parseNetworkFlag('alias=db')).toThrow("the network's name is missing");
  });
});

describe('parseFileReference', () => {
  it('should put a secret named alone in /run/secrets, readable by all, owned by root', () => {
    expect(parseFileReference('secret', 'db_password')).toEqual({
      source: 'db_password',
      target: '/run/secrets/db_password',
      uid: '0',
      gid: '0',
      mode: 0o444,
    });
  });

  it('should read the long form, a relative secret target under /run/secrets and a config at the root', () => {
    expect(parseFileReference('secret', 'source=db,target=pw,uid=1000,gid=100,mode=0400')).toEqual({
      source: 'db',
      target: '/run/secrets/pw',
      uid: '1000',
      gid: '100',
      mode: 0o400,
    });
    expect(parseFileReference('config', 'src=nginx,target=/etc/nginx/nginx.conf').target).toBe(
      '/etc/nginx/nginx.conf',
    );
    expect(parseFileReference('config', 'nginx').target).toBe('/nginx');
  });

  it.each([
    ['target=x', /give its source/],
    ['source=a,colour=red', /invalid --secret field "colour"/],
    ['source=a,mode=0999', /invalid --secret mode "0999"/],
    ['source=a,junk', /expected key=value pairs/],
  ])('should refuse %s', (text, message) => {
    expect(() => parseFileReference('secret', text)).toThrow(message);
  });
});
