import { load, problemsOf, serviceOf, yaml } from './testing';

const containerOf = (service: string, options: Parameters<typeof load>[1] = {}) =>
  serviceOf(`services:\n  web:\n    image: nginx\n${service}`, 'web', options).task.container;

describe('the container of a service', () => {
  it('should start from the defaults, with the image and the stack label', () => {
    expect(containerOf('')).toEqual({
      image: 'nginx',
      command: [],
      args: [],
      env: [],
      labels: { 'com.docker.stack.namespace': 'app' },
      user: '',
      workdir: '',
      hostname: '',
      mounts: [],
      stopSignal: '',
      stopGracePeriodMs: 10_000,
      healthcheck: null,
      readOnly: false,
      init: false,
    });
  });

  it('should take command as args and entrypoint as command, splitting strings as a shell would', () => {
    const container = containerOf(
      `    command: bundle exec thin -p "30 00"\n    entrypoint: ["/entry.sh", "-x"]\n`,
    );
    expect(container.args).toEqual(['bundle', 'exec', 'thin', '-p', '30 00']);
    expect(container.command).toEqual(['/entry.sh', '-x']);
  });

  it('should report a command with an unterminated quote', () => {
    expect(problemsOf('services:\n  web:\n    image: a\n    command: echo "hi\n')).toEqual([
      `stack.yml:4:5 services.web.command: unterminated double quote in 'echo "hi'`,
    ]);
  });

  it('should take the environment as a mapping or a list, sorted, bare keys from the caller', () => {
    expect(
      containerOf('    environment:\n      B: two\n      A: 1\n      HOME:\n      MISSING:\n', {
        env: { HOME: '/root' },
      }).env,
    ).toEqual(['A=1', 'B=two', 'HOME=/root']);
    expect(
      containerOf('    environment: [B=2, A=one=1, EMPTY=, TERM]\n', { dotEnv: 'TERM=xterm\n' }).env,
    ).toEqual(['A=one=1', 'B=2', 'EMPTY=', 'TERM=xterm']);
  });

  it('should read env files relative to the file, environment winning over them', () => {
    const read: string[] = [];
    const files: Record<string, string> = {
      '/srv/app/web.env': 'A=from-file\nB=from-file\n',
      '/srv/common.env': 'C=3\nA=common\n',
    };
    const stack = load('', {
      files: [
        {
          path: '/srv/app/stack.yml',
          content:
            'services:\n  web:\n    image: a\n    env_file: [../common.env, ./web.env]\n    environment:\n      B: from-environment\n',
        },
      ],
      readFile: (path) => {
        read.push(path);
        if (!(path in files)) throw new Error('ENOENT');
        return files[path];
      },
    });
    expect(read).toEqual(['/srv/common.env', '/srv/app/web.env']);
    expect(stack.services[0].spec.task.container.env).toEqual(['A=from-file', 'B=from-environment', 'C=3']);
  });

  it('should skip a missing env file marked not required and report a missing required one', () => {
    const readFile = () => {
      throw new Error('ENOENT: no such file');
    };
    expect(
      containerOf('    env_file:\n      - path: ./optional.env\n        required: false\n', { readFile }).env,
    ).toEqual([]);
    expect(problemsOf('services:\n  web:\n    image: a\n    env_file: ./web.env\n', { readFile })).toEqual([
      "stack.yml:4:5 services.web.env_file: cannot read env file './web.env': ENOENT: no such file",
    ]);
  });

  it('should carry security_opt seccomp:unconfined, and a profile file read relative to the stack file', () => {
    expect(containerOf('    security_opt: ["seccomp:unconfined"]\n').seccomp).toEqual({
      mode: 'unconfined',
      profile: '',
    });
    expect(containerOf('    security_opt: ["seccomp=builtin"]\n').seccomp).toBeUndefined();
    const read: string[] = [];
    const readFile = (path: string) => {
      read.push(path);
      return '{\n  "defaultAction": "SCMP_ACT_ALLOW"\n}\n';
    };
    expect(containerOf('    security_opt: ["seccomp:profile.json"]\n', { readFile }).seccomp).toEqual({
      mode: 'custom',
      profile: '{"defaultAction":"SCMP_ACT_ALLOW"}',
    });
    expect(read).toEqual(['./profile.json']);
  });

  it('should warn about the security options it leaves, and report a profile it cannot read', () => {
    const stack = load(
      'services:\n  web:\n    image: a\n    security_opt: ["label:disable", "seccomp:unconfined"]\n',
    );
    expect(stack.warnings).toEqual(['Ignoring unsupported security_opt: label:disable']);
    expect(
      problemsOf('services:\n  web:\n    image: a\n    security_opt: ["seccomp:p.json"]\n', {
        readFile: () => '{',
      }),
    ).toEqual([
      expect.stringMatching(
        /^stack.yml:4:\d+ services.web.security_opt\[0\]: seccomp profile '.\/p.json' is not JSON/,
      ),
    ]);
  });

  it('should report problems inside an env file at its own lines', () => {
    expect(
      problemsOf('services:\n  web:\n    image: a\n    env_file: /srv/web.env\n', {
        readFile: () => 'A=1\nBAD KEY=2\n',
      }),
    ).toEqual(["/srv/web.env:2:1 invalid variable name 'BAD KEY': expected letters, digits and _ . -"]);
  });

  it('should report env_file when the caller gave no way to read files', () => {
    expect(problemsOf('services:\n  web:\n    image: a\n    env_file: web.env\n')).toEqual([
      "stack.yml:4:5 services.web.env_file: cannot read env file './web.env': no way to read files was given",
    ]);
  });

  it('should take container labels from labels, and user, working_dir, hostname, stop settings, read_only, init', () => {
    const container = containerOf(
      yaml`
          labels:
            com.example.description: "Accounting webapp"
            com.example.number: 42
            com.example.empty:
          user: "1000:1000"
          working_dir: /code
          hostname: web-host
          stop_signal: SIGUSR1
          stop_grace_period: 1m30s
          read_only: true
          init: "true"
    `.replace(/^/gm, '    '),
    );
    expect(container).toMatchObject({
      labels: {
        'com.example.description': 'Accounting webapp',
        'com.example.number': '42',
        'com.example.empty': '',
        'com.docker.stack.namespace': 'app',
      },
      user: '1000:1000',
      workdir: '/code',
      hostname: 'web-host',
      stopSignal: 'SIGUSR1',
      stopGracePeriodMs: 90_000,
      readOnly: true,
      init: true,
    });
  });

  it('should take capabilities, sysctls and ulimits', () => {
    const container = containerOf(
      yaml`
          cap_add: [NET_ADMIN]
          cap_drop: [ALL]
          sysctls:
            net.core.somaxconn: 1024
            net.ipv4.tcp_syncookies: 0
          ulimits:
            nproc: 65535
            nofile:
              soft: 20000
              hard: 40000
    `.replace(/^/gm, '    '),
    );
    expect(container).toMatchObject({
      capAdd: ['NET_ADMIN'],
      capDrop: ['ALL'],
      sysctls: { 'net.core.somaxconn': '1024', 'net.ipv4.tcp_syncookies': '0' },
      ulimits: [
        { name: 'nofile', soft: 20000, hard: 40000 },
        { name: 'nproc', soft: 65535, hard: 65535 },
      ],
    });
    expect(containerOf('    sysctls: [net.core.somaxconn=1024]\n').sysctls).toEqual({
      'net.core.somaxconn': '1024',
    });
  });

  it('should report a soft limit above the hard one and a sysctl without a value', () => {
    expect(
      problemsOf(
        'services:\n  web:\n    image: a\n    ulimits:\n      nofile: { soft: 2, hard: 1 }\n    sysctls: [net.core.somaxconn]\n',
      ),
    ).toEqual([
      'stack.yml:5:7 services.web.ulimits.nofile: the soft limit (2) is above the hard limit (1)',
      "stack.yml:6:5 services.web.sysctls.net.core.somaxconn: sysctl 'net.core.somaxconn' needs a value",
    ]);
  });

  it('should read an invalid stop_grace_period as a problem', () => {
    expect(problemsOf('services:\n  web:\n    image: a\n    stop_grace_period: 1x\n')).toEqual([
      "stack.yml:4:5 services.web.stop_grace_period: invalid duration '1x': expected a number and a unit (ns, us, ms, s, m, h), e.g. '1m30s'",
    ]);
  });
});

describe('healthcheck', () => {
  const healthOf = (healthcheck: string) =>
    containerOf(`    healthcheck:\n${healthcheck.replace(/^/gm, '      ')}\n`).healthcheck;

  it('should run a string test in a shell and read the durations', () => {
    expect(
      healthOf(
        'test: curl -f http://localhost/ || exit 1\ninterval: 10s\ntimeout: 1s\nretries: 5\nstart_period: 15s',
      ),
    ).toEqual({
      test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      intervalMs: 10_000,
      timeoutMs: 1_000,
      retries: 5,
      startPeriodMs: 15_000,
    });
  });

  it('should take CMD and CMD-SHELL lists as they are, durations left out being 0', () => {
    expect(healthOf('test: [CMD, pg_isready, -U, postgres]')).toEqual({
      test: ['CMD', 'pg_isready', '-U', 'postgres'],
      intervalMs: 0,
      timeoutMs: 0,
      retries: 0,
      startPeriodMs: 0,
    });
    expect(healthOf('test: [CMD-SHELL, "redis-cli ping"]')?.test).toEqual(['CMD-SHELL', 'redis-cli ping']);
  });

  it("should switch the image's check off with disable or NONE", () => {
    const off = { test: ['NONE'], intervalMs: 0, timeoutMs: 0, retries: 0, startPeriodMs: 0 };
    expect(healthOf('disable: true')).toEqual(off);
    expect(healthOf('test: [NONE]')).toEqual(off);
  });

  it("should keep the image's test when only durations are given", () => {
    expect(healthOf('interval: 5s')).toEqual({
      test: [],
      intervalMs: 5_000,
      timeoutMs: 0,
      retries: 0,
      startPeriodMs: 0,
    });
  });

  it('should report a test list with an unknown first word, and test with disable', () => {
    expect(problemsOf('services:\n  web:\n    image: a\n    healthcheck:\n      test: [curl, x]\n')).toEqual([
      "stack.yml:5:7 services.web.healthcheck.test: a test list starts with CMD, CMD-SHELL or NONE, got 'curl'",
    ]);
    expect(
      problemsOf(
        'services:\n  web:\n    image: a\n    healthcheck:\n      test: [CMD, x]\n      disable: true\n',
      ),
    ).toEqual(['stack.yml:4:5 services.web.healthcheck: test and disable cannot both be set']);
  });
});
