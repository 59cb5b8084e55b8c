import { isIpv4Cidr } from './networks';
import { load, problemsOf, serviceOf, yaml } from './testing';

describe('networks of a stack', () => {
  it('should declare overlay networks under the stack name, with labels, attachable and subnet', () => {
    const stack = load(yaml`
      services:
        web:
          image: a
          networks: [front]
      networks:
        front:
          driver: overlay
          attachable: true
          labels: [tier=front]
          ipam:
            config:
              - subnet: 10.0.9.0/24
        back: {}
    `);
    expect(stack.networks).toEqual([
      {
        name: 'app_back',
        key: 'back',
        external: false,
        driver: 'overlay',
        attachable: false,
        labels: { 'com.docker.stack.namespace': 'app' },
        subnet: '',
      },
      {
        name: 'app_front',
        key: 'front',
        external: false,
        driver: 'overlay',
        attachable: true,
        labels: { tier: 'front', 'com.docker.stack.namespace': 'app' },
        subnet: '10.0.9.0/24',
      },
    ]);
  });

  it('should use the names the file gives and take external networks as they are', () => {
    const stack = load(yaml`
      services:
        web:
          image: a
          networks: [proxy, legacy, named]
      networks:
        proxy:
          external: true
        legacy:
          external:
            name: old-net
        named:
          name: shared
    `);
    expect(stack.networks.map((n) => [n.key, n.name, n.external])).toEqual([
      ['legacy', 'old-net', true],
      ['proxy', 'proxy', true],
      ['named', 'shared', false],
    ]);
  });

  it('should add the default network when a service names none', () => {
    const stack = load('services:\n  web:\n    image: a\n');
    expect(stack.networks).toEqual([
      {
        name: 'app_default',
        key: 'default',
        external: false,
        driver: 'overlay',
        attachable: false,
        labels: { 'com.docker.stack.namespace': 'app' },
        subnet: '',
      },
    ]);
    expect(stack.services[0].spec.networks).toEqual([{ target: 'app_default', aliases: ['web'] }]);
  });

  it('should leave the default network out when no service uses it', () => {
    const stack = load('services:\n  web:\n    image: a\n    networks: [front]\nnetworks:\n  front:\n');
    expect(stack.networks.map((n) => n.name)).toEqual(['app_front']);
  });

  it('should let the file declare the default network', () => {
    const stack = load(
      'services:\n  web:\n    image: a\nnetworks:\n  default:\n    external: true\n    name: shared\n',
    );
    expect(stack.networks.map((n) => [n.name, n.external])).toEqual([['shared', true]]);
    expect(stack.services[0].spec.networks).toEqual([{ target: 'shared', aliases: ['web'] }]);
  });

  it('should attach a service by network name, its short name first among the aliases', () => {
    const spec = serviceOf(yaml`
      services:
        web:
          image: a
          networks:
            front:
              aliases: [www, web]
            back:
      networks:
        front:
        back:
    `);
    expect(spec.networks).toEqual([
      { target: 'app_back', aliases: ['web'] },
      { target: 'app_front', aliases: ['web', 'www'] },
    ]);
  });

  it('should report a network a service names but nobody declared', () => {
    expect(
      problemsOf(
        'services:\n  web:\n    image: a\n    networks:\n      - back\n      - front\nnetworks:\n  back:\n',
      ),
    ).toEqual([
      "stack.yml:6:9 services.web.networks.front: network 'front' is not declared in the top-level networks",
    ]);
    expect(
      problemsOf('services:\n  web:\n    image: a\n    networks:\n      front:\n        aliases: [x]\n'),
    ).toEqual([
      "stack.yml:5:7 services.web.networks.front: network 'front' is not declared in the top-level networks",
    ]);
  });

  it('should refuse drivers other than overlay and subnets that are not IPv4', () => {
    expect(
      problemsOf(yaml`
        services:
          web:
            image: a
        networks:
          local:
            driver: bridge
          v6:
            ipam:
              config:
                - subnet: 2001:db8::/64
      `),
    ).toEqual([
      "stack.yml:6:5 networks.local.driver: only overlay networks in a stack: got driver 'bridge'",
      "stack.yml:10:11 networks.v6.ipam.config[0].subnet: expected an IPv4 subnet such as 10.0.9.0/24, got '2001:db8::/64'",
    ]);
  });

  it('should accept any driver on an external network, which the stack does not create', () => {
    expect(() =>
      load(
        'services:\n  web:\n    image: a\n    networks: [host]\nnetworks:\n  host:\n    external: true\n    driver: bridge\n',
      ),
    ).not.toThrow();
  });
});

describe('isIpv4Cidr', () => {
  it('should accept IPv4 subnets only', () => {
    expect(isIpv4Cidr('10.0.0.0/8')).toBe(true);
    expect(isIpv4Cidr('10.0.0.0')).toBe(false);
    expect(isIpv4Cidr('256.0.0.0/8')).toBe(false);
    expect(isIpv4Cidr('10.0.0.0/33')).toBe(false);
  });
});
