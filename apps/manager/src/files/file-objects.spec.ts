import type { FileReference, ServiceSpec } from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import { fileObjectProblem, filesNeeded, referencedNames, referenceProblems, usersOf } from './file-objects';

const ref = (source: string, fields: Partial<FileReference> = {}): FileReference => ({
  source,
  target: `/run/secrets/${source}`,
  uid: '0',
  gid: '0',
  mode: 0o444,
  ...fields,
});

function specWith(name: string, secrets: FileReference[], configs: FileReference[] = []): ServiceSpec {
  const s = makeService({ id: `id-${name}`, name, image: 'busybox' }).spec;
  return { ...s, task: { ...s.task, container: { ...s.task.container, secrets, configs } } };
}

describe('fileObjectProblem', () => {
  it('should accept a name and content swarm accepts', () => {
    expect(fileObjectProblem('secrets', 'app_db.password-1', 10)).toBeNull();
    expect(fileObjectProblem('configs', 'x', 1000 * 1024)).toBeNull();
  });

  it.each([
    ['secrets', '-lead', 1, /invalid secret name "-lead"/],
    ['secrets', 'trail_', 1, /invalid secret name/],
    ['configs', 'a'.repeat(65), 1, /invalid config name/],
    ['secrets', 'empty', 0, /secret empty is empty/],
    ['secrets', 'big', 500 * 1024 + 1, /secret big is 512001 bytes; a secret holds at most 512000/],
    ['configs', 'big', 1000 * 1024 + 1, /a config holds at most 1024000/],
  ] as const)('should refuse a %s named %s of %d bytes', (kind, name, size, message) => {
    expect(fileObjectProblem(kind, name, size)).toMatch(message);
  });
});

describe('referenceProblems', () => {
  const exists = (kind: string, name: string) => `${kind}/${name}` === 'secrets/there';

  it('should say which secret or config does not exist and how to make it', () => {
    expect(referenceProblems(specWith('web', [ref('there'), ref('missing')], [ref('conf')]), exists)).toEqual(
      [
        'service web uses secret missing, which does not exist: create it with berth secret create missing FILE',
        'service web uses config conf, which does not exist: create it with berth config create conf FILE',
      ],
    );
  });

  it('should refuse owners by name, impossible modes and relative targets', () => {
    const spec = specWith('web', [ref('there', { uid: 'www', mode: 0o17777, target: 'rel' })]);
    expect(referenceProblems(spec, exists)).toEqual([
      'secret there of service web: uid and gid are numbers, not "www:0"',
      'secret there of service web: invalid file mode 8191',
      'secret there of service web: target rel is not an absolute path',
    ]);
  });
});

describe('usersOf and referencedNames', () => {
  it('should find the services using a name once each', () => {
    const specs = [specWith('a', [ref('s'), ref('s', { target: '/x' })]), specWith('b', [], [ref('s')])];
    expect(referencedNames(specs[0], 'secrets')).toEqual(['s']);
    expect(usersOf(specs, 'secrets', 's')).toEqual(['a']);
    expect(usersOf(specs, 'configs', 's')).toEqual(['b']);
  });
});

describe('filesNeeded', () => {
  it('should collect what running tasks use, once, and nothing for tasks on their way out', () => {
    const service = makeService({ id: 'svc', name: 'web', image: 'busybox' });
    const withFiles = (id: string, desiredState: 'running' | 'shutdown', secret: string) => {
      const t = makeTask({ id, service, slot: 1, desiredState });
      const spec = specWith('web', [ref(secret)], [ref('conf')]);
      return { ...t, spec: spec.task };
    };
    expect(
      filesNeeded([
        withFiles('t1', 'running', 'a'),
        withFiles('t2', 'running', 'a'),
        withFiles('t3', 'shutdown', 'b'),
      ]),
    ).toEqual([
      { kind: 'secrets', name: 'a' },
      { kind: 'configs', name: 'conf' },
    ]);
  });
});
