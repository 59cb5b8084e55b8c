import { formatProblem, SpecError } from './errors';
import { loadStack, readStack, renderConfig } from './load';
import { load, problemsOf, yaml } from './testing';

const VOTING = yaml`
  version: "3.8"
  services:
    redis:
      image: redis:alpine
      networks: [frontend]
    db:
      image: postgres:15
      networks: [backend]
    vote:
      image: vote:1
      ports: ["5000:80"]
      networks: [frontend]
      deploy:
        replicas: 2
  networks:
    frontend:
    backend:
`;

describe('loadStack', () => {
  it('should load a stack into services, networks and the merged document', () => {
    const stack = load(VOTING);
    expect(stack.services.map((s) => s.name)).toEqual(['app_db', 'app_redis', 'app_vote']);
    expect(stack.networks.map((n) => n.name)).toEqual(['app_backend', 'app_frontend']);
    expect(stack.config).toMatchObject({ version: '3.8', services: { vote: { deploy: { replicas: 2 } } } });
    expect(stack.warnings).toEqual([]);
    expect(stack.secrets).toEqual([]);
    expect(stack.configs).toEqual([]);
  });

  describe('problems', () => {
    const problem = (content: string, options = {}) => problemsOf(content, options);

    it('should report a wrong type with file, line, column and key path', () => {
      const content = [
        'services:',
        '  web:',
        '    image: nginx',
        ...Array(9).fill('    # …'),
        '    deploy:',
        '      replicas: three',
        '',
      ].join('\n');
      expect(problem(content)).toEqual([
        "stack.yml:14:7 services.web.deploy.replicas: expected an integer, got 'three'",
      ]);
    });

    it('should report an unknown key at the key, naming it', () => {
      expect(problem('services:\n  web:\n    image: nginx\n    deplyo:\n      replicas: 2\n')).toEqual([
        "stack.yml:4:5 services.web.deplyo: unknown key 'deplyo'",
      ]);
    });

    it('should report a bad duration', () => {
      expect(
        problem('services:\n  web:\n    image: a\n    deploy:\n      update_config:\n        delay: 1x\n'),
      ).toEqual([
        "stack.yml:6:9 services.web.deploy.update_config.delay: invalid duration '1x': expected a number and a unit (ns, us, ms, s, m, h), e.g. '1m30s'",
      ]);
    });

    it('should report a network that is not declared', () => {
      expect(problem('services:\n  web:\n    image: a\n    networks:\n      front:\n')).toEqual([
        "stack.yml:5:7 services.web.networks.front: network 'front' is not declared in the top-level networks",
      ]);
    });

    it('should report a syntax error', () => {
      expect(problem('services:\n  web:\n    image: "nginx\n')).toEqual([
        'stack.yml:4:1 invalid YAML: Missing closing "quote',
      ]);
    });

    it('should report a required variable with its message', () => {
      expect(problem('services:\n  web:\n    image: ${X:?need X}\n')).toEqual([
        'stack.yml:3:5 services.web.image: required variable X is missing a value: need X',
      ]);
    });

    it('should collect every problem, from the schema and from the rules, and throw them together', () => {
      let error: unknown;
      try {
        load(yaml`
          services:
            web:
              image: a
              deplyo: {}
              networks: [front]
              deploy:
                replicas: three
                resources:
                  limits:
                    memory: 12Q
            db:
              image: [b]
        `);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SpecError);
      const problems = (error as SpecError).problems;
      expect(problems.map(formatProblem)).toEqual([
        "stack.yml:4:5 services.web.deplyo: unknown key 'deplyo'",
        "stack.yml:5:16 services.web.networks.front: network 'front' is not declared in the top-level networks",
        "stack.yml:7:7 services.web.deploy.replicas: expected an integer, got 'three'",
        "stack.yml:10:11 services.web.deploy.resources.limits.memory: invalid size '12Q': expected a number and a unit (b, k, m, g, t), e.g. '512M'",
        'stack.yml:12:5 services.db.image: expected a string, got a list',
      ]);
      expect((error as Error).message).toBe(problems.map(formatProblem).join('\n'));
    });

    it('should report syntax errors and failed substitutions of several files together, in file order', () => {
      const files = [
        { path: 'base.yml', content: 'services:\n  web:\n    image: ${IMAGE?}\n' },
        { path: 'override.yml', content: 'services: [\n' },
      ];
      expect(problemsOf('', { files })).toEqual([
        'base.yml:3:5 services.web.image: required variable IMAGE is missing a value',
        expect.stringMatching(/^override\.yml:2:1 invalid YAML: /),
      ]);
    });

    it('should point at the file a value came from after merging', () => {
      const files = [
        { path: 'base.yml', content: 'services:\n  web:\n    image: a\n    deploy:\n      replicas: 2\n' },
        {
          path: 'prod.yml',
          content: 'services:\n  web:\n    deploy:\n      replicas: many\n      mode: jobs\n',
        },
      ];
      expect(problemsOf('', { files })).toEqual([
        "prod.yml:4:7 services.web.deploy.replicas: expected an integer, got 'many'",
        "prod.yml:5:7 services.web.deploy.mode: expected 'replicated' or 'global', got 'jobs'",
      ]);
    });

    it('should refuse a bad stack name and no files', () => {
      expect(() =>
        loadStack({ files: [{ path: 'a.yml', content: 'services: {}' }], env: {}, stackName: '-x' }),
      ).toThrow("invalid stack name '-x': use letters, digits, '_', '.' and '-'");
      expect(() => loadStack({ files: [], env: {}, stackName: 'app' })).toThrow('no stack file given');
    });
  });

  describe('several files', () => {
    it('should merge later files over earlier ones', () => {
      const stack = load('', {
        files: [
          { path: 'a.yml', content: VOTING },
          {
            path: 'b.yml',
            content:
              'services:\n  vote:\n    image: vote:2\n    ports: ["5001:80"]\n    deploy:\n      replicas: 4\n',
          },
        ],
      });
      const vote = stack.services.find((s) => s.shortName === 'vote')!.spec;
      expect(vote.task.container.image).toBe('vote:2');
      expect(vote.mode).toEqual({ replicated: { replicas: 4 } });
      expect(vote.endpoint.ports.map((p) => p.publishedPort)).toEqual([5000, 5001]);
      expect(vote.networks).toEqual([{ target: 'app_frontend', aliases: ['vote'] }]);
    });
  });

  describe('variables', () => {
    it('should take variables from the environment, then from .env', () => {
      const stack = load('services:\n  web:\n    image: ${IMAGE}:${TAG}\n', {
        env: { TAG: 'from-env' },
        dotEnv: 'IMAGE=nginx\nTAG=from-dotenv\n',
      });
      expect(stack.services[0].spec.task.container.image).toBe('nginx:from-env');
    });

    it('should warn once about each variable that is not set', () => {
      const stack = load(
        'services:\n  web:\n    image: nginx:${TAG}\n    environment:\n      A: $TAG\n      B: ${OTHER}\n',
      );
      expect(stack.warnings).toEqual([
        'The "TAG" variable is not set. Defaulting to a blank string.',
        'The "OTHER" variable is not set. Defaulting to a blank string.',
      ]);
    });

    it('should report a bad .env file at its lines, next to the first file', () => {
      expect(
        problemsOf('services: {}\n', {
          files: [{ path: '/srv/stack.yml', content: 'services: {}\n' }],
          dotEnv: 'A=1\n=2\n',
        }),
      ).toEqual(["/srv/.env:2:1 invalid variable name '': expected letters, digits and _ . -"]);
    });
  });
});

describe('renderConfig', () => {
  it('should print the merged, interpolated document as YAML', () => {
    const stack = load('services:\n  web:\n    image: nginx:${TAG:-1}\n    ports: ["5000:80"]\n');
    expect(renderConfig(stack.config)).toBe(
      'services:\n  web:\n    image: nginx:1\n    ports:\n      - 5000:80\n',
    );
  });

  it('should double every $ so that the text loads back as the same stack', () => {
    const stack = load("services:\n  web:\n    image: a\n    command: sh -c 'echo $$HOME'\n");
    const text = renderConfig(stack.config);
    expect(text).toContain('echo $$HOME');
    const again = load(text);
    expect(again.services).toEqual(stack.services);
    expect(again.config).toEqual(stack.config);
  });

  it('should quote values that older YAML readers would take for something else', () => {
    expect(
      renderConfig({ services: { web: { image: 'a', environment: { DEBUG: 'yes', MODE: '0755' } } } }),
    ).toContain('DEBUG: "yes"');
  });
});

describe('readStack', () => {
  const read = (content: string) =>
    readStack({ files: [{ path: 'stack.yml', content }], env: {}, stackName: 'app' });

  it('should compile a stack Berth refuses, with the problems beside it', () => {
    const reading = read(yaml`
      services:
        web:
          image: web:1
          networks: [missing]
        db:
          build: .
    `);
    expect(reading.stack?.services.map((s) => s.shortName)).toEqual(['db', 'web']);
    expect(reading.problems.map(formatProblem)).toEqual([
      "stack.yml:4:16 services.web.networks.missing: network 'missing' is not declared in the top-level networks",
      'stack.yml:5:3 services.db: no image given: a stack runs images, it does not build them',
    ]);
  });

  it('should give no stack when a file cannot be parsed', () => {
    const reading = read('services:\n  web: [\n');
    expect(reading.stack).toBeUndefined();
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]).toMatchObject({ file: 'stack.yml' });
  });

  it('should agree with loadStack on a stack without problems', () => {
    const content = 'services:\n  web:\n    image: web:1\n';
    expect(read(content)).toEqual({
      stack: loadStack({ files: [{ path: 'stack.yml', content }], env: {}, stackName: 'app' }),
      problems: [],
    });
  });
});
