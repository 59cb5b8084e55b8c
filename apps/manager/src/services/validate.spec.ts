import { defaultServiceSpec, type PortConfig, type ServiceSpec } from '@berth/cluster';
import { problemsOf, taskSpecChanged } from './validate';

/** A valid spec `web` running nginx, with CHANGE applied to it. */
function spec(change: (spec: ServiceSpec) => void = () => undefined): ServiceSpec {
  const made = defaultServiceSpec('web', 'nginx:1');
  change(made);
  return made;
}

const port = (fields: Partial<PortConfig>): PortConfig => ({
  protocol: 'tcp',
  targetPort: 80,
  publishedPort: 0,
  publishMode: 'ingress',
  ...fields,
});

describe('validate', () => {
  describe(problemsOf.name, () => {
    it('should find nothing wrong with the default spec', () => {
      expect(problemsOf(spec())).toEqual([]);
    });

    it('should find nothing wrong with a spec that uses every setting well', () => {
      const full = spec((s) => {
        s.mode = { global: {} };
        s.task.placement = {
          constraints: ['node.role==worker', 'node.labels.zone != b', 'engine.labels.os==linux'],
          preferences: [{ spread: 'node.labels.zone' }, { spread: 'engine.labels.rack' }],
          maxReplicasPerNode: 2,
        };
        s.task.restartPolicy.condition = 'on-failure';
        s.task.resources.reservations = { nanoCpus: 5e8, memoryBytes: 2 ** 20 };
        s.endpoint.ports = [port({ publishedPort: 8080 }), port({ targetPort: 65535, publishedPort: 65535 })];
      });
      expect(problemsOf(full)).toEqual([]);
    });

    describe('name', () => {
      it.each(['a', 'web_1.v2-blue', '9lives', 'x'.repeat(63)])('should take the name "%s"', (name) => {
        expect(problemsOf(spec((s) => (s.name = name)))).toEqual([]);
      });

      it.each(['', '-web', '_web', '.web', 'web/1', 'web 1', 'wéb', 'x'.repeat(64)])(
        'should refuse the name "%s"',
        (name) => {
          expect(problemsOf(spec((s) => (s.name = name)))).toEqual([
            `invalid service name "${name}": use letters, digits, '_', '.', '-' (up to 63), starting with a letter or digit`,
          ]);
        },
      );
    });

    it('should ask for an image', () => {
      expect(problemsOf(spec((s) => (s.task.container.image = '')))).toEqual([
        'no image: give the image the service runs',
      ]);
    });

    it('should refuse an image that is no reference (a flag value taken for it)', () => {
      expect(problemsOf(spec((s) => (s.task.container.image = 'spread=node.hostname')))).toEqual([
        'invalid reference format "spread=node.hostname": "spread=node.hostname" is not a valid repository name component',
      ]);
      expect(
        problemsOf(
          spec((s) => (s.task.container.image = 'registry.local:5000/team/app@sha256:' + 'a'.repeat(64))),
        ),
      ).toEqual([]);
    });

    describe('mode', () => {
      it('should take zero replicas', () => {
        expect(problemsOf(spec((s) => (s.mode = { replicated: { replicas: 0 } })))).toEqual([]);
      });

      it.each([-1, 1.5, NaN, Infinity])('should refuse %s replicas', (replicas) => {
        expect(problemsOf(spec((s) => (s.mode = { replicated: { replicas } })))).toEqual([
          `invalid replicas ${replicas}: expected a whole number ≥ 0`,
        ]);
      });

      it('should refuse a mode that is neither replicated nor global', () => {
        const odd = spec((s) => (s.mode = { daemon: {} } as unknown as ServiceSpec['mode']));
        expect(problemsOf(odd)).toEqual(['invalid mode: use replicated or global']);
      });

      it('should report a missing mode as a problem rather than throw', () => {
        const partial = spec((s) => delete (s as Partial<ServiceSpec>).mode);
        expect(problemsOf(partial)).toEqual(['invalid mode: use replicated or global']);
      });
    });

    describe('placement', () => {
      it('should explain each constraint it cannot parse', () => {
        const problems = problemsOf(
          spec((s) => (s.task.placement.constraints = ['node.role=manager', 'node.color==red', 'node.id=='])),
        );
        expect(problems).toEqual([
          'invalid constraint "node.role=manager": expected KEY==VALUE or KEY!=VALUE',
          expect.stringMatching(/^invalid constraint "node.color==red": unknown key "node.color"/),
          'invalid constraint "node.id==": the value is empty',
        ]);
      });

      it.each(['node.color', 'node.labels', 'node.labels.', 'zone', ''])(
        'should refuse to spread over "%s"',
        (spread) => {
          expect(problemsOf(spec((s) => (s.task.placement.preferences = [{ spread }])))).toEqual([
            expect.stringContaining(
              `invalid placement preference spread=${spread}: spread over node.labels.NAME, engine.labels.NAME, node.id`,
            ),
          ]);
        },
      );

      it.each(['node.id', 'node.hostname', 'node.role', 'node.platform.os', 'engine.labels.rack'])(
        'should spread over "%s", a node attribute (as swarmkit spreads over any)',
        (spread) => {
          expect(problemsOf(spec((s) => (s.task.placement.preferences = [{ spread }])))).toEqual([]);
        },
      );

      it('should refuse a negative maximum of replicas per node', () => {
        expect(problemsOf(spec((s) => (s.task.placement.maxReplicasPerNode = -1)))).toEqual([
          'max replicas per node cannot be negative',
        ]);
      });
    });

    it('should refuse an unknown restart condition', () => {
      const bad = spec((s) => (s.task.restartPolicy.condition = 'always' as 'any'));
      expect(problemsOf(bad)).toEqual(['invalid restart condition "always": use none, on-failure or any']);
    });

    it('should refuse negative reservations', () => {
      expect(problemsOf(spec((s) => (s.task.resources.reservations.nanoCpus = -1)))).toEqual([
        'reservations cannot be negative',
      ]);
      expect(problemsOf(spec((s) => (s.task.resources.reservations.memoryBytes = -1)))).toEqual([
        'reservations cannot be negative',
      ]);
    });

    describe('ports', () => {
      it.each([0, -80, 65536, NaN])('should refuse the target port %s', (targetPort) => {
        expect(problemsOf(spec((s) => (s.endpoint.ports = [port({ targetPort })])))).toEqual([
          `invalid target port ${targetPort}`,
        ]);
      });

      it.each([-1, 65536, NaN])('should refuse the published port %s', (publishedPort) => {
        expect(problemsOf(spec((s) => (s.endpoint.ports = [port({ publishedPort })])))).toEqual([
          `invalid published port ${publishedPort}`,
        ]);
      });

      it('should refuse a published port that is not a number', () => {
        const sent: ServiceSpec = JSON.parse(
          JSON.stringify(spec((s) => (s.endpoint.ports = [port({ publishedPort: NaN })]))),
        );
        expect(problemsOf(sent)).toEqual([expect.stringMatching(/^invalid published port/)]);
      });
    });

    it('should list every problem, in the order of the spec', () => {
      const bad = spec((s) => {
        s.name = '';
        s.task.container.image = '';
        s.mode = { replicated: { replicas: -2 } };
        s.task.placement.constraints = ['x'];
        s.task.resources.reservations.memoryBytes = -5;
        s.endpoint.ports = [port({ targetPort: 0, publishedPort: 70000 })];
      });
      expect(problemsOf(bad)).toEqual([
        expect.stringMatching(/^invalid service name ""/),
        'no image: give the image the service runs',
        'invalid replicas -2: expected a whole number ≥ 0',
        'invalid constraint "x": expected KEY==VALUE or KEY!=VALUE',
        'reservations cannot be negative',
        'invalid target port 0',
        'invalid published port 70000',
      ]);
    });

    it('should report a spec without a task as having no image, without throwing', () => {
      const partial = spec((s) => delete (s as Partial<ServiceSpec>).task);
      expect(problemsOf(partial)).toEqual(['no image: give the image the service runs']);
    });
  });

  describe(taskSpecChanged.name, () => {
    it('should see no change in an equal copy', () => {
      expect(taskSpecChanged(spec(), structuredClone(spec()))).toBe(false);
    });

    it('should not count changes of replicas, mode or service labels as task changes', () => {
      const after = spec((s) => {
        s.mode = { replicated: { replicas: 9 } };
        s.labels = { tier: 'web' };
      });
      expect(taskSpecChanged(spec(), after)).toBe(false);
    });

    it('should see a change of the host-mode ports the tasks bind', () => {
      const after = spec((s) => (s.endpoint.ports = [port({ publishedPort: 8080, publishMode: 'host' })]));
      expect(taskSpecChanged(spec(), after)).toBe(true);
    });

    it.each<[string, (s: ServiceSpec) => void]>([
      ['image', (s) => (s.task.container.image = 'nginx:2')],
      ['environment', (s) => (s.task.container.env = ['A=1'])],
      ['container labels', (s) => (s.task.container.labels = { a: 'b' })],
      ['limits', (s) => (s.task.resources.limits.memoryBytes = 2 ** 20)],
      ['restart policy', (s) => (s.task.restartPolicy.delayMs = 1)],
      ['constraints', (s) => (s.task.placement.constraints = ['node.role==worker'])],
      ['a forced update', (s) => (s.task.forceUpdate = 1)],
    ])('should see a change of the %s', (_what, change) => {
      expect(taskSpecChanged(spec(), spec(change))).toBe(true);
    });

    it('should see no change when only the order of the keys differs', () => {
      const before = spec();
      const { container, ...rest } = before.task;
      const reordered = { ...before, task: { ...rest, container } };
      expect(taskSpecChanged(before, reordered)).toBe(false);
    });
  });
});
