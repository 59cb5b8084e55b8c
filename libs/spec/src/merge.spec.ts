import { mergeDocuments } from './merge';
import { yaml } from './testing';
import { locate, type MapNode, toPlain } from './tree';
import { parseStackFile } from './yaml';

const file = (path: string, content: string): MapNode => parseStackFile({ path, content }).root!;
const merge = (...contents: string[]) => mergeDocuments(contents.map((c, i) => file(`f${i}.yml`, c)));
const mergedService = (...contents: string[]) =>
  (toPlain(merge(...contents)) as { services: Record<string, Record<string, unknown>> }).services.web;

describe('mergeDocuments', () => {
  it('should merge mappings key by key and replace scalars', () => {
    expect(
      mergedService(
        'services:\n  web:\n    image: nginx:1\n    deploy:\n      replicas: 2\n      mode: replicated\n',
        'services:\n  web:\n    image: nginx:2\n    deploy:\n      replicas: 5\n',
      ),
    ).toEqual({ image: 'nginx:2', deploy: { replicas: 5, mode: 'replicated' } });
  });

  it('should add services and top-level sections a later file brings', () => {
    expect(
      toPlain(
        merge('services:\n  web:\n    image: a\n', 'services:\n  db:\n    image: b\nnetworks:\n  front:\n'),
      ),
    ).toEqual({
      services: { web: { image: 'a' }, db: { image: 'b' } },
      networks: { front: null },
    });
  });

  it('should replace command and entrypoint whole', () => {
    expect(
      mergedService(
        'services:\n  web:\n    command: [a, b, c]\n    entrypoint: [x, y]\n',
        'services:\n  web:\n    command: [d]\n    entrypoint: z\n',
      ),
    ).toEqual({ command: ['d'], entrypoint: 'z' });
  });

  it('should replace the healthcheck test but merge the rest of the healthcheck', () => {
    expect(
      mergedService(
        'services:\n  web:\n    healthcheck:\n      test: [CMD, a, b]\n      interval: 5s\n',
        'services:\n  web:\n    healthcheck:\n      test: [CMD, c]\n',
      ),
    ).toEqual({ healthcheck: { test: ['CMD', 'c'], interval: '5s' } });
  });

  it('should merge environment, labels and extra_hosts as mappings, reading the list form', () => {
    expect(
      mergedService(
        yaml`
          services:
            web:
              environment: [A=1, B=2, C]
              labels: { x: "1" }
              extra_hosts: ["db:10.0.0.1", "ipv6:::1"]
              deploy:
                labels: [a=1]
        `,
        yaml`
          services:
            web:
              environment: { B: three }
              labels: [y=2]
              extra_hosts: ["db=10.0.0.2"]
              deploy:
                labels: { b: "2" }
        `,
      ),
    ).toEqual({
      environment: { A: '1', B: 'three', C: null },
      labels: { x: '1', y: '2' },
      extra_hosts: { db: '10.0.0.2', ipv6: '::1' },
      deploy: { labels: { a: '1', b: '2' } },
    });
  });

  it('should concatenate ports, expose, dns and caps without repeats', () => {
    expect(
      mergedService(
        'services:\n  web:\n    ports: ["80:80", "443:443"]\n    expose: [3000]\n    dns: 8.8.8.8\n    cap_add: [NET_ADMIN]\n',
        'services:\n  web:\n    ports: ["443:443", "8080:8080"]\n    expose: [3000, 4000]\n    dns: [9.9.9.9]\n    cap_add: [NET_ADMIN, SYS_TIME]\n',
      ),
    ).toEqual({
      ports: ['80:80', '443:443', '8080:8080'],
      expose: [3000, 4000],
      dns: ['8.8.8.8', '9.9.9.9'],
      cap_add: ['NET_ADMIN', 'SYS_TIME'],
    });
  });

  it('should merge volumes by their target, the later file winning', () => {
    expect(
      mergedService(
        'services:\n  web:\n    volumes:\n      - data:/data\n      - ./conf:/etc/app:ro\n',
        'services:\n  web:\n    volumes:\n      - type: volume\n        source: other\n        target: /data\n      - /logs\n',
      ),
    ).toEqual({
      volumes: [{ type: 'volume', source: 'other', target: '/data' }, './conf:/etc/app:ro', '/logs'],
    });
  });

  it('should merge secrets and configs by target, else source', () => {
    expect(
      mergedService(
        'services:\n  web:\n    secrets:\n      - db_password\n      - source: api_key\n        target: /run/secrets/key\n',
        'services:\n  web:\n    secrets:\n      - source: other_key\n        target: /run/secrets/key\n      - db_password\n      - tls\n',
      ),
    ).toEqual({ secrets: ['db_password', { source: 'other_key', target: '/run/secrets/key' }, 'tls'] });
  });

  it('should merge networks and depends_on as mappings when either is one', () => {
    expect(
      mergedService(
        'services:\n  web:\n    networks: [front]\n    depends_on: [db]\n',
        'services:\n  web:\n    networks:\n      back:\n        aliases: [api]\n    depends_on:\n      cache:\n        condition: service_healthy\n',
      ),
    ).toEqual({
      networks: { front: null, back: { aliases: ['api'] } },
      depends_on: { db: { condition: 'service_started' }, cache: { condition: 'service_healthy' } },
    });
    expect(
      mergedService('services:\n  web:\n    networks: [a]\n', 'services:\n  web:\n    networks: [a, b]\n'),
    ).toEqual({
      networks: ['a', 'b'],
    });
  });

  it('should let an empty value keep what an earlier file said', () => {
    expect(
      mergedService(
        'services:\n  web:\n    deploy:\n      replicas: 2\n',
        'services:\n  web:\n    deploy:\n',
      ),
    ).toEqual({
      deploy: { replicas: 2 },
    });
  });

  it('should keep the file and position each value came from', () => {
    const merged = merge(
      'services:\n  web:\n    image: a\n    deploy:\n      replicas: 2\n',
      '\n\nservices:\n  web:\n    deploy:\n      replicas: three\n',
    );
    expect(locate(merged, ['services', 'web', 'image'])).toEqual({ file: 'f0.yml', line: 3, column: 5 });
    expect(locate(merged, ['services', 'web', 'deploy', 'replicas'])).toEqual({
      file: 'f1.yml',
      line: 6,
      column: 7,
    });
  });

  it('should give a merged list item the position of the file that wrote it', () => {
    const merged = merge(
      'services:\n  web:\n    ports: ["80:80"]\n',
      'services:\n  web:\n    ports:\n      - "81:81"\n',
    );
    expect(locate(merged, ['services', 'web', 'ports', 1])).toEqual({ file: 'f1.yml', line: 4, column: 9 });
  });
});
