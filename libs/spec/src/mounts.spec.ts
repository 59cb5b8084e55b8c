import { load, problemsOf, yaml } from './testing';

const mountsOf = (volumes: string) =>
  load(
    `services:\n  web:\n    image: a\n${volumes}\nvolumes:\n  data:\n  logs:\n    name: shared-logs\n  old:\n    external: true\n`,
  ).services[0].spec.task.container.mounts;

const loadAt = (path: string, content: string, env: Record<string, string> = {}) =>
  load('', { files: [{ path, content }], env }).services[0].spec.task.container.mounts;

describe('volumes and tmpfs of a service', () => {
  it('should mount named volumes by their name in the stack', () => {
    expect(
      mountsOf('    volumes:\n      - data:/var/lib/data\n      - logs:/logs:ro\n      - old:/old'),
    ).toEqual([
      { type: 'volume', source: 'app_data', target: '/var/lib/data', readOnly: false },
      { type: 'volume', source: 'shared-logs', target: '/logs', readOnly: true },
      { type: 'volume', source: 'old', target: '/old', readOnly: false },
    ]);
  });

  it('should make an anonymous volume from a lone path', () => {
    expect(mountsOf('    volumes: [/var/cache]')).toEqual([
      { type: 'volume', source: '', target: '/var/cache', readOnly: false },
    ]);
  });

  it('should bind host paths, relative ones from the directory of the file', () => {
    const content =
      'services:\n  web:\n    image: a\n    volumes:\n      - /etc/hosts:/etc/hosts:ro\n      - ./conf:/conf\n      - ../shared:/shared:rw,z\n      - .:/code\n';
    expect(loadAt('/srv/app/stack.yml', content)).toEqual([
      { type: 'bind', source: '/etc/hosts', target: '/etc/hosts', readOnly: true },
      { type: 'bind', source: '/srv/app/conf', target: '/conf', readOnly: false },
      { type: 'bind', source: '/srv/shared', target: '/shared', readOnly: false },
      { type: 'bind', source: '/srv/app', target: '/code', readOnly: false },
    ]);
  });

  it('should keep relative paths relative when the file was named relatively', () => {
    expect(
      loadAt('stack.yml', 'services:\n  web:\n    image: a\n    volumes: ["./conf:/conf"]\n')[0].source,
    ).toBe('./conf');
  });

  it('should expand ~ to HOME', () => {
    expect(
      loadAt('stack.yml', 'services:\n  web:\n    image: a\n    volumes: ["~/data:/data"]\n', {
        HOME: '/home/me',
      })[0],
    ).toEqual({
      type: 'bind',
      source: '/home/me/data',
      target: '/data',
      readOnly: false,
    });
  });

  it('should resolve a bind from an override file against that file', () => {
    const stack = load('', {
      files: [
        { path: '/srv/app/stack.yml', content: 'services:\n  web:\n    image: a\n' },
        { path: '/srv/overrides/dev.yml', content: 'services:\n  web:\n    volumes: ["./src:/src"]\n' },
      ],
    });
    expect(stack.services[0].spec.task.container.mounts[0].source).toBe('/srv/overrides/src');
  });

  it('should compile the long syntax', () => {
    const content = yaml`
      services:
        web:
          image: a
          volumes:
            - type: volume
              source: data
              target: /data
              read_only: true
            - type: bind
              source: ./static
              target: /static
            - type: tmpfs
              target: /scratch
              tmpfs:
                size: 10000
      volumes:
        data:
    `;
    expect(loadAt('/srv/stack.yml', content)).toEqual([
      { type: 'volume', source: 'app_data', target: '/data', readOnly: true },
      { type: 'bind', source: '/srv/static', target: '/static', readOnly: false },
      { type: 'tmpfs', source: '', target: '/scratch', readOnly: false },
    ]);
  });

  it('should mount the tmpfs key as tmpfs, as a string or a list', () => {
    expect(mountsOf('    tmpfs: /run')).toEqual([
      { type: 'tmpfs', source: '', target: '/run', readOnly: false },
    ]);
    expect(mountsOf('    tmpfs: [/run, "/tmp:size=64m"]').map((m) => m.target)).toEqual(['/run', '/tmp']);
  });

  it('should report an undeclared volume, a relative target and unknown options', () => {
    expect(
      problemsOf(yaml`
        services:
          web:
            image: a
            volumes:
              - cache:/cache
              - data:relative
              - data:/data:ro,fast
              - type: npipe
                source: x
                target: /x
              - type: bind
                target: /y
              - a:b:c:d
        volumes:
          data:
      `),
    ).toEqual([
      "stack.yml:5:9 services.web.volumes[0]: volume 'cache' is not declared in the top-level volumes",
      "stack.yml:6:9 services.web.volumes[1]: the path in the container must be absolute, got 'relative'",
      "stack.yml:7:9 services.web.volumes[2]: unknown volume option 'fast' in 'data:/data:ro,fast': use ro, rw, z, Z, nocopy or a propagation",
      "stack.yml:8:9 services.web.volumes[3].type: expected 'volume', 'bind' or 'tmpfs', got 'npipe'",
      "stack.yml:11:9 services.web.volumes[4]: missing key 'source': the path on the node to bind",
      "stack.yml:13:9 services.web.volumes[5]: invalid volume 'a:b:c:d': expected [SOURCE:]TARGET[:OPTIONS]",
    ]);
  });

  it('should report two mounts at one path', () => {
    expect(problemsOf('services:\n  web:\n    image: a\n    volumes: ["/a:/data", "/b:/data"]\n')).toEqual([
      'stack.yml:4:27 services.web.volumes[1]: a second mount at /data: each path in the container takes one',
    ]);
  });

  it('should report ~ when HOME is not set', () => {
    expect(problemsOf('services:\n  web:\n    image: a\n    volumes: ["~/x:/x"]\n')).toEqual([
      "stack.yml:4:15 services.web.volumes[0]: cannot expand '~' in '~/x': HOME is not set",
    ]);
  });
});
