import { describeErrors, validateAgainstSchema } from './schema';
import { formatPath } from './tree';

const issues = (document: unknown) =>
  validateAgainstSchema(document).map((i) => `${formatPath(i.path)}: ${i.message}`);

describe('validateAgainstSchema', () => {
  it('should accept a valid document', () => {
    expect(
      issues({
        version: '3.8',
        services: {
          web: {
            image: 'nginx',
            ports: ['80:80', { target: 443, published: 8443 }],
            deploy: { replicas: 2 },
          },
        },
        networks: { front: null },
        'x-anything': { at: 'all' },
      }),
    ).toEqual([]);
  });

  it('should name an unknown key, at the key', () => {
    expect(issues({ services: { web: { image: 'nginx', deplyo: {} } } })).toEqual([
      "services.web.deplyo: unknown key 'deplyo'",
    ]);
  });

  it('should name an unknown key deep in the document', () => {
    expect(
      issues({ services: { web: { image: 'a', deploy: { update_config: { paralelism: 2 } } } } }),
    ).toEqual(["services.web.deploy.update_config.paralelism: unknown key 'paralelism'"]);
  });

  it('should allow x- keys at top level and in a service', () => {
    expect(issues({ 'x-common': 1, services: { web: { image: 'a', 'x-note': 'hi' } } })).toEqual([]);
  });

  it('should say which type was expected and what was there', () => {
    expect(issues({ services: { web: { image: ['a'] } } })).toEqual([
      'services.web.image: expected a string, got a list',
    ]);
    expect(issues({ services: { web: { image: 'a', ports: '80:80' } } })).toEqual([
      "services.web.ports: expected a list, got '80:80'",
    ]);
  });

  it('should join the forms a oneOf allows into one message', () => {
    expect(issues({ services: { web: { image: 'a', environment: 5 } } })).toEqual([
      'services.web.environment: expected a mapping or a list, got 5',
    ]);
  });

  it('should report only the branch a value chose', () => {
    expect(issues({ services: { web: { image: 'a', ports: [{ target: 80, publish: 8080 }] } } })).toEqual([
      "services.web.ports[0].publish: unknown key 'publish'",
    ]);
    expect(issues({ services: { web: { image: 'a', networks: { front: { aliases: 'x' } } } } })).toEqual([
      "services.web.networks.front.aliases: expected a list, got 'x'",
    ]);
  });

  it('should list the values an enum allows', () => {
    expect(
      issues({ services: { web: { image: 'a', deploy: { update_config: { order: 'first' } } } } }),
    ).toEqual([
      "services.web.deploy.update_config.order: expected one of 'start-first', 'stop-first', got 'first'",
    ]);
  });

  it('should point at a repeated list item', () => {
    expect(issues({ services: { web: { image: 'a', ports: ['80:80', '81:81', '80:80'] } } })).toEqual([
      'services.web.ports[2]: same as item 0: each item must be different',
    ]);
  });

  it('should refuse a service name with characters compose does not allow', () => {
    expect(issues({ services: { 'my web': { image: 'a' } } })).toEqual([
      "services.my web: invalid name 'my web': use letters, digits, '.', '_' and '-'",
    ]);
  });

  it('should report every problem of the document', () => {
    expect(
      issues({ services: { web: { image: 1.5, nope: 1 }, db: { image: 'a', user: [] } }, nope: 2 }),
    ).toHaveLength(4);
  });

  it('should let numbers and flags be text, for values that come from variables', () => {
    expect(
      issues({ services: { web: { image: 'a', read_only: 'true', deploy: { replicas: '3' } } } }),
    ).toEqual([]);
  });

  it('should explain a oneOf that nothing under it explains', () => {
    const oneOf = (passingSchemas: number[] | null) => ({
      keyword: 'oneOf',
      instancePath: '/services/web/x',
      schemaPath: '#/oneOf',
      params: { passingSchemas },
    });
    const document = { services: { web: { x: 1 } } };
    expect(describeErrors([oneOf([0, 1])], document)).toEqual([
      { path: ['services', 'web', 'x'], message: 'matches more than one of the allowed forms' },
    ]);
    expect(describeErrors([oneOf(null)], document)).toEqual([
      { path: ['services', 'web', 'x'], message: 'is not in any of the allowed forms' },
    ]);
  });
});
