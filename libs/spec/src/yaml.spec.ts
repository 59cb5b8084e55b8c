import { yaml } from './testing';
import { locate, nodeAt, toPlain } from './tree';
import { parseStackFile } from './yaml';

const parse = (content: string, path = 'stack.yml') => parseStackFile({ path, content });
const plain = (content: string) => toPlain(parse(content).root!);

describe('parseStackFile', () => {
  it('should read a mapping with the positions of keys and values', () => {
    const { root, problems } = parse('services:\n  web:\n    image: nginx\n');
    expect(problems).toEqual([]);
    expect(locate(root!, ['services', 'web', 'image'])).toEqual({ file: 'stack.yml', line: 3, column: 5 });
    expect(nodeAt(root!, ['services', 'web', 'image'])!.origin).toEqual({
      file: 'stack.yml',
      line: 3,
      column: 12,
    });
  });

  it('should expand anchors and aliases', () => {
    expect(
      plain(yaml`
        x-env: &env
          A: "1"
        services:
          web:
            environment: *env
          db:
            environment: *env
      `),
    ).toEqual({
      'x-env': { A: '1' },
      services: { web: { environment: { A: '1' } }, db: { environment: { A: '1' } } },
    });
  });

  it('should apply a << merge key, explicit keys winning', () => {
    expect(
      plain(yaml`
        x-defaults: &defaults
          image: nginx
          restart: always
        services:
          web:
            <<: *defaults
            image: httpd
      `),
    ).toEqual({
      'x-defaults': { image: 'nginx', restart: 'always' },
      services: { web: { image: 'httpd', restart: 'always' } },
    });
  });

  it('should take keys from several merge sources, the first one winning', () => {
    expect(
      plain(yaml`
        a: &a { x: 1, y: 1 }
        b: &b { y: 2, z: 2 }
        c:
          <<: [*a, *b]
      `),
    ).toMatchObject({ c: { x: 1, y: 1, z: 2 } });
  });

  it('should keep the positions of merged keys where the anchor wrote them', () => {
    const { root } = parse(yaml`
      x-defaults: &defaults
        image: nginx
      services:
        web:
          <<: *defaults
    `);
    expect(locate(root!, ['services', 'web', 'image'])).toEqual({ file: 'stack.yml', line: 2, column: 3 });
  });

  it('should read 0440 as octal, as Go does, and other numbers as YAML 1.2 does', () => {
    expect(plain('mode: 0440\nquoted: "0440"\nratio: .5\nhex: 0x1f\nport: 5000:80\nyes: yes\n')).toEqual({
      mode: 0o440,
      quoted: '0440',
      ratio: 0.5,
      hex: 31,
      port: '5000:80',
      yes: 'yes',
    });
  });

  it('should read a key without a value as null', () => {
    expect(plain('networks:\n  front:\n')).toEqual({ networks: { front: null } });
  });

  it('should report a syntax error with its line and column', () => {
    expect(parse('services:\n  web:\n    ports: [80\n  db: {}\n').problems).toEqual([
      expect.objectContaining({
        file: 'stack.yml',
        line: 4,
        column: 3,
        path: '',
        message: expect.stringContaining('invalid YAML'),
      }),
    ]);
  });

  it('should report a key written twice', () => {
    expect(parse('a: 1\na: 2\n').problems).toEqual([
      { file: 'stack.yml', line: 2, column: 1, path: '', message: 'this key is already in the mapping' },
    ]);
  });

  it('should report a file with several documents', () => {
    expect(parse('a: 1\n---\nb: 2\n').problems[0].message).toBe(
      'a stack file holds one YAML document, this one has more',
    );
  });

  it('should report an alias to an anchor that does not exist', () => {
    expect(parse('a: *nowhere\n').problems).toEqual([
      { file: 'stack.yml', line: 1, column: 4, path: '', message: 'unknown alias *nowhere' },
    ]);
  });

  it('should report an empty file and a file that is not a mapping', () => {
    expect(parse('').problems[0]).toMatchObject({
      line: 1,
      column: 1,
      message: 'the file is empty: expected a mapping with services',
    });
    expect(parse('- a\n').problems[0]).toMatchObject({
      message: 'expected a mapping with services, got a list',
    });
  });

  it('should report a merge key whose value is not a mapping', () => {
    expect(parse('a:\n  <<: 3\n').problems[0].message).toBe(
      'a merge key (<<) takes a mapping or a list of mappings',
    );
  });

  it('should stop expanding aliases that would make a huge tree', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(parse(lines.join('\n')).problems.map((p) => p.message)).toContain('too many alias expansions');
  });
});
