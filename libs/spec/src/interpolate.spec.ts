import { interpolateTree, type Lookup, substitute, unsetWarning } from './interpolate';
import { toPlain } from './tree';
import { parseStackFile } from './yaml';

const variables: Record<string, string> = { NAME: 'web', EMPTY: '', TAG: '1.2', PORT: '8080' };
const lookup: Lookup = (name) => variables[name];
const value = (template: string) => {
  const result = substitute(template, lookup);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};
const failure = (template: string) => {
  const result = substitute(template, lookup);
  if (result.ok) throw new Error(`expected ${template} to fail`);
  return result.message;
};

describe('substitute', () => {
  it.each([
    ['$NAME', 'web'],
    ['${NAME}', 'web'],
    ['image:${TAG}', 'image:1.2'],
    ['$NAME-$TAG', 'web-1.2'],
    ['${PORT}:80', '8080:80'],
    ['no variables', 'no variables'],
  ])('should replace variables: %s → %s', (template, expected) => {
    expect(value(template)).toBe(expected);
  });

  it.each([
    ['${UNSET:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${NAME:-fallback}', 'web'],
    ['${UNSET-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${NAME-fallback}', 'web'],
    ['${UNSET:-}', ''],
    ['${REGISTRY-127.0.0.1:5000}/rng', '127.0.0.1:5000/rng'],
  ])('should use defaults as compose does: %s → %p', (template, expected) => {
    expect(value(template)).toBe(expected);
  });

  it.each([
    ['${NAME:+yes}', 'yes'],
    ['${EMPTY:+yes}', ''],
    ['${UNSET:+yes}', ''],
    ['${NAME+yes}', 'yes'],
    ['${EMPTY+yes}', 'yes'],
    ['${UNSET+yes}', ''],
  ])('should use replacements when a variable is set: %s → %p', (template, expected) => {
    expect(value(template)).toBe(expected);
  });

  it('should substitute inside defaults', () => {
    expect(value('${UNSET:-${NAME}}')).toBe('web');
    expect(value('${UNSET:-${ALSO_UNSET:-deep}}-x')).toBe('deep-x');
    expect(value('${UNSET:-$TAG}')).toBe('1.2');
  });

  it('should turn $$ into a literal $ and leave it alone', () => {
    expect(value('$$NAME')).toBe('$NAME');
    expect(value('a$$')).toBe('a$');
    expect(value('^(sys|proc)($$|/)')).toBe('^(sys|proc)($|/)');
  });

  it('should keep a $ that starts no variable', () => {
    expect(value('cost: 5$')).toBe('cost: 5$');
    expect(value('$2y$05$')).toBe('$2y$05$');
    expect(value('a $ b')).toBe('a $ b');
  });

  it('should make an unset variable empty and list it', () => {
    expect(substitute('x${UNSET}y$ALSO', lookup)).toEqual({
      ok: true,
      value: 'xy',
      unset: ['UNSET', 'ALSO'],
    });
  });

  it('should list variables left unset inside a default that was used', () => {
    expect(substitute('${UNSET:-${INNER}}', lookup)).toEqual({ ok: true, value: '', unset: ['INNER'] });
  });

  it('should not list a set-but-empty variable as unset', () => {
    expect(substitute('${EMPTY}', lookup)).toEqual({ ok: true, value: '', unset: [] });
  });

  it('should fail a required variable with the message given', () => {
    expect(failure('${UNSET:?need X}')).toBe('required variable UNSET is missing a value: need X');
    expect(failure('${EMPTY:?need X}')).toBe('required variable EMPTY is missing a value: need X');
    expect(failure('${UNSET?}')).toBe('required variable UNSET is missing a value');
    expect(value('${EMPTY?need X}')).toBe('');
    expect(value('${NAME:?need X}')).toBe('web');
  });

  it.each(['${', '${NAME', '${}', '${1A}', '${NAME!x}', '${NAME:x}', 'a ${B C}'])(
    'should refuse the invalid template %p',
    (template) => {
      expect(failure(template)).toMatch(
        /^invalid interpolation format ".*": you may need to escape any \$ with another \$$/,
      );
    },
  );
});

describe('interpolateTree', () => {
  const file = (content: string) => parseStackFile({ path: 'stack.yml', content }).root!;

  it('should substitute string values and leave keys and other values alone', () => {
    const tree = file(
      'services:\n  $NAME:\n    image: "nginx:${TAG}"\n    replicas: 3\n    read_only: true\n',
    );
    const result = interpolateTree(tree, lookup);
    expect(toPlain(result.root)).toEqual({
      services: { $NAME: { image: 'nginx:1.2', replicas: 3, read_only: true } },
    });
    expect(result.problems).toEqual([]);
  });

  it('should substitute in lists and keep each value where it was', () => {
    const result = interpolateTree(file('ports:\n  - "${PORT}:80"\n'), lookup);
    expect(result.root.entries[0].value).toMatchObject({
      items: [{ value: '8080:80', origin: { line: 2, column: 5 } }],
    });
  });

  it('should report a failed substitution at the key, with its path', () => {
    const result = interpolateTree(file('services:\n  web:\n    image: ${IMAGE:?need an image}\n'), lookup);
    expect(result.problems).toEqual([
      {
        file: 'stack.yml',
        line: 3,
        column: 5,
        path: 'services.web.image',
        message: 'required variable IMAGE is missing a value: need an image',
      },
    ]);
  });

  it('should list each unset variable once', () => {
    expect(interpolateTree(file('a: $X\nb: ${X}\nc: $Y\n'), lookup).unset).toEqual(['X', 'Y']);
  });
});

describe('unsetWarning', () => {
  it("should use compose's words", () => {
    expect(unsetWarning('TAG')).toBe('The "TAG" variable is not set. Defaulting to a blank string.');
  });
});
