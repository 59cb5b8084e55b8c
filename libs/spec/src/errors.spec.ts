import { formatProblem, type Problem, sortProblems, SpecError } from './errors';

const problem = (overrides: Partial<Problem> = {}): Problem => ({
  file: 'stack.yml',
  line: 14,
  column: 7,
  path: 'services.web.deploy.replicas',
  message: "expected an integer, got 'three'",
  ...overrides,
});

describe('formatProblem', () => {
  it('should put the place first, then the key path and the message', () => {
    expect(formatProblem(problem())).toBe(
      "stack.yml:14:7 services.web.deploy.replicas: expected an integer, got 'three'",
    );
  });

  it('should leave out the path when the problem is about the file itself', () => {
    expect(formatProblem(problem({ path: '', message: 'invalid YAML' }))).toBe('stack.yml:14:7 invalid YAML');
  });

  it('should leave out the place when the problem is not in a file', () => {
    expect(formatProblem(problem({ file: '', path: '', message: 'no stack file given' }))).toBe(
      'no stack file given',
    );
  });
});

describe(SpecError.name, () => {
  it('should carry every problem and show them one per line', () => {
    const problems = [
      problem(),
      problem({ line: 20, path: 'services.db.image', message: 'expected a string, got a list' }),
    ];
    const error = new SpecError(problems);
    expect(error.problems).toEqual(problems);
    expect(error.message).toBe(
      "stack.yml:14:7 services.web.deploy.replicas: expected an integer, got 'three'\n" +
        'stack.yml:20:7 services.db.image: expected a string, got a list',
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SpecError');
  });
});

describe('sortProblems', () => {
  it('should order by the files as given, then line and column', () => {
    const sorted = sortProblems(
      [
        problem({ file: 'b.yml', line: 1 }),
        problem({ file: 'a.yml', line: 9, column: 3 }),
        problem({ file: 'a.yml', line: 9, column: 1 }),
        problem({ file: 'a.yml', line: 2 }),
      ],
      ['b.yml', 'a.yml'],
    );
    expect(sorted.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'b.yml:1:7',
      'a.yml:2:7',
      'a.yml:9:1',
      'a.yml:9:3',
    ]);
  });

  it('should put files that were not given (env files) after the given ones', () => {
    const sorted = sortProblems(
      [problem({ file: 'web.env', line: 1 }), problem({ file: 'stack.yml', line: 30 })],
      ['stack.yml'],
    );
    expect(sorted.map((p) => p.file)).toEqual(['stack.yml', 'web.env']);
  });

  it('should drop a problem said twice at the same place', () => {
    expect(sortProblems([problem(), problem()], ['stack.yml'])).toHaveLength(1);
  });
});
