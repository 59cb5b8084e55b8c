import { defaultServiceSpec } from '@berth/cluster';
import { load, problemsOf, yaml } from './testing';

describe('compileStack', () => {
  it('should name services after the stack and sort them by name', () => {
    const stack = load('services:\n  web:\n    image: nginx\n  api:\n    image: api:1\n');
    expect(stack.services.map((s) => [s.name, s.shortName, s.spec.name])).toEqual([
      ['app_api', 'api', 'app_api'],
      ['app_web', 'web', 'app_web'],
    ]);
  });

  it('should compile a bare service to the defaults plus the stack labels and the default network', () => {
    const defaults = defaultServiceSpec('app_web', 'nginx:1.25');
    expect(load('services:\n  web:\n    image: nginx:1.25\n').services[0].spec).toEqual({
      ...defaults,
      labels: { 'com.docker.stack.namespace': 'app', 'com.docker.stack.image': 'nginx:1.25' },
      task: {
        ...defaults.task,
        container: { ...defaults.task.container, labels: { 'com.docker.stack.namespace': 'app' } },
      },
      networks: [{ target: 'app_default', aliases: ['web'] }],
    });
  });

  it('should report a service without an image, saying why when it only has build', () => {
    expect(problemsOf('services:\n  web:\n    build: .\n  db:\n    environment: {}\n')).toEqual([
      'stack.yml:2:3 services.web: no image given: a stack runs images, it does not build them',
      'stack.yml:4:3 services.db: no image given',
    ]);
  });

  it('should report an image reference with spaces', () => {
    expect(problemsOf('services:\n  web:\n    image: "nginx latest"\n')).toEqual([
      "stack.yml:3:5 services.web.image: invalid image reference 'nginx latest'",
    ]);
  });

  it('should not report again what the schema already refused', () => {
    expect(
      problemsOf('services:\n  web:\n    image: [nginx]\n    user: 5\n    deploy:\n      replicas: [1]\n'),
    ).toEqual([
      'stack.yml:3:5 services.web.image: expected a string, got a list',
      'stack.yml:4:5 services.web.user: expected a string, got 5',
      'stack.yml:6:7 services.web.deploy.replicas: expected an integer or a string, got a list',
    ]);
  });

  it('should accept a stack with no services', () => {
    expect(load('networks:\n  front:\n')).toMatchObject({ services: [], networks: [{ name: 'app_front' }] });
  });

  it('should compile every service of a realistic stack', () => {
    const stack = load(yaml`
      x-defaults: &defaults
        restart: always
        logging:
          driver: json-file
      services:
        web:
          <<: *defaults
          image: registry.example.com/web:\${TAG:-latest}
          ports: ["80:8080"]
          networks: [front]
          deploy:
            replicas: 2
        worker:
          <<: *defaults
          image: registry.example.com/worker
          networks: [front, back]
          deploy:
            mode: global
      networks:
        front:
        back:
    `);
    expect(
      stack.services.map((s) => [
        s.name,
        s.spec.task.container.image,
        s.spec.mode,
        s.spec.networks?.map((n) => n.target),
      ]),
    ).toEqual([
      ['app_web', 'registry.example.com/web:latest', { replicated: { replicas: 2 } }, ['app_front']],
      ['app_worker', 'registry.example.com/worker', { global: {} }, ['app_back', 'app_front']],
    ]);
    expect(stack.warnings).toEqual(['Ignoring unsupported options: logging']);
  });
});
