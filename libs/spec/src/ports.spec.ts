import { parsePortText } from './ports';
import { load, problemsOf, serviceOf, yaml } from './testing';

const ports = (text: string) => {
  const read = parsePortText(text);
  if (!read.ok) throw new Error(read.message);
  return read.ports.map((p) => `${p.publishedPort}:${p.targetPort}/${p.protocol}`);
};

describe('parsePortText', () => {
  it.each([
    ['80', ['0:80/tcp']],
    ['8080:80', ['8080:80/tcp']],
    ['8080:80/udp', ['8080:80/udp']],
    ['53:53/UDP', ['53:53/udp']],
    ['3000-3002', ['0:3000/tcp', '0:3001/tcp', '0:3002/tcp']],
    ['9090-9091:8080-8081', ['9090:8080/tcp', '9091:8081/tcp']],
    ['127.0.0.1:8001:8001', ['8001:8001/tcp']],
    ['127.0.0.1::80', ['0:80/tcp']],
    ['[::1]:80:80', ['80:80/tcp']],
  ])('should read %p', (text, expected) => {
    expect(ports(text)).toEqual(expected);
  });

  it('should publish in ingress mode and give the host address apart', () => {
    expect(parsePortText('127.0.0.1:5000:5000')).toEqual({
      ok: true,
      ports: [{ protocol: 'tcp', targetPort: 5000, publishedPort: 5000, publishMode: 'ingress' }],
      hostIp: '127.0.0.1',
    });
  });

  it.each([
    ['80/sctp', "protocol 'sctp' is not supported: use tcp or udp"],
    ['http', "invalid port 'http': ports are numbers from 1 to 65535"],
    ['70000', "invalid port '70000': ports are numbers from 1 to 65535"],
    ['0:80', "invalid port '0:80': ports are numbers from 1 to 65535"],
    ['82-80', "invalid port '82-80': ports are numbers from 1 to 65535"],
    [
      '8000-8010:80',
      "invalid port '8000-8010:80': the published range and the container range differ in size",
    ],
    ['1:2:3:4', "invalid port '1:2:3:4': expected [[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]"],
    ['80:', "invalid port '80:': expected [[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]"],
  ])('should refuse %p', (text, message) => {
    expect(parsePortText(text)).toEqual({ ok: false, message });
  });
});

describe('ports of a service', () => {
  it('should compile the short and the long syntax', () => {
    const spec = serviceOf(yaml`
      services:
        web:
          image: nginx
          ports:
            - 3000
            - "8080:80"
            - target: 443
              published: 8443
              protocol: tcp
              mode: host
            - target: 53
              protocol: udp
    `);
    expect(spec.endpoint.ports).toEqual([
      { protocol: 'tcp', targetPort: 3000, publishedPort: 0, publishMode: 'ingress' },
      { protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' },
      { protocol: 'tcp', targetPort: 443, publishedPort: 8443, publishMode: 'host' },
      { protocol: 'udp', targetPort: 53, publishedPort: 0, publishMode: 'ingress' },
    ]);
  });

  it('should read ports that came from variables', () => {
    const spec = serviceOf(
      'services:\n  web:\n    image: a\n    ports:\n      - target: ${PORT}\n        published: "${PUBLISHED}"\n',
      'web',
      { env: { PORT: '80', PUBLISHED: '8080' } },
    );
    expect(spec.endpoint.ports).toEqual([
      { protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' },
    ]);
  });

  it('should warn that a host address is ignored', () => {
    expect(load('services:\n  web:\n    image: a\n    ports: ["127.0.0.1:80:80"]\n').warnings).toEqual([
      'services.web.ports[0]: ignoring host address 127.0.0.1: a service publishes its ports on every address of every node',
    ]);
  });

  it('should report bad ports where they are written', () => {
    expect(
      problemsOf(yaml`
        services:
          web:
            image: a
            ports:
              - "80/sctp"
              - target: 80
                mode: bridge
              - published: 80
              - target: 99999
    `),
    ).toEqual([
      "stack.yml:5:9 services.web.ports[0]: protocol 'sctp' is not supported: use tcp or udp",
      "stack.yml:7:9 services.web.ports[1].mode: expected 'ingress' or 'host', got 'bridge'",
      "stack.yml:8:9 services.web.ports[2]: missing key 'target': the port in the container",
      'stack.yml:9:9 services.web.ports[3].target: expected a number between 1 and 65535, got 99999',
    ]);
  });

  it('should refuse a port two services publish through the routing mesh', () => {
    expect(
      problemsOf(yaml`
        services:
          web:
            image: a
            ports: ["8080:80"]
          api:
            image: b
            ports: ["8080:8080", "9000:9000/udp"]
          dns:
            image: c
            ports: ["9000:53/tcp"]
    `),
    ).toEqual([
      "stack.yml:4:5 services.web.ports: port 8080/tcp is published twice: service 'api' publishes it",
    ]);
  });

  it('should let two services use the same port in host mode', () => {
    expect(() =>
      load(yaml`
        services:
          a:
            image: a
            ports: [{ target: 80, published: 80, mode: host }]
          b:
            image: b
            ports: [{ target: 80, published: 80, mode: host }]
      `),
    ).not.toThrow();
  });
});
