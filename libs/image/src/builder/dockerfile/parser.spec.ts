import { DockerfileSyntaxError, parseDockerfile, type Instruction } from './parser';

const kinds = (list: Instruction[]) => list.map((i) => [i.kind, i.line]);

describe('parseDockerfile', () => {
  it('should read instructions with their lines, skipping comments and blank lines', () => {
    const df = parseDockerfile(`# a comment
ARG BASE=busybox
FROM \${BASE} AS build

run echo hi
COPY --chown=1:1 a.txt b.txt /dst/
CMD ["sh", "-c", "echo"]
`);
    expect(kinds(df.instructions)).toEqual([
      ['ARG', 2],
      ['FROM', 3],
      ['RUN', 5],
      ['COPY', 6],
      ['CMD', 7],
    ]);
    expect(df.instructions[1]).toMatchObject({ kind: 'FROM', image: '${BASE}', alias: 'build' });
    expect(df.instructions[2]).toMatchObject({
      kind: 'RUN',
      command: { form: 'shell', text: 'echo hi' },
      original: 'RUN echo hi',
    });
    expect(df.instructions[3]).toMatchObject({
      kind: 'COPY',
      sources: ['a.txt', 'b.txt'],
      dest: '/dst/',
      flags: { chown: '1:1' },
    });
    expect(df.instructions[4]).toMatchObject({
      kind: 'CMD',
      command: { form: 'exec', args: ['sh', '-c', 'echo'] },
    });
  });

  it('should join continuations, dropping comment lines inside them', () => {
    const df = parseDockerfile('FROM scratch\nRUN echo a \\\n  # not part of it\n  && echo b\nENV A=1');
    expect(df.instructions[1]).toMatchObject({
      kind: 'RUN',
      line: 2,
      command: { form: 'shell', text: 'echo a   && echo b' },
    });
    expect(df.instructions[2].line).toBe(5);
  });

  it('should honour the escape directive', () => {
    const df = parseDockerfile('# escape=`\nFROM scratch\nRUN dir c:\\ `\n  /w\n');
    expect(df.escape).toBe('`');
    expect(df.instructions[1]).toMatchObject({ command: { form: 'shell', text: 'dir c:\\   /w' } });
  });

  it('should take a broken JSON array as a shell command, as Docker does', () => {
    const df = parseDockerfile('FROM scratch\nCMD [not json]');
    expect(df.instructions[1]).toMatchObject({ command: { form: 'shell', text: '[not json]' } });
  });

  it('should read HEALTHCHECK with options, and NONE', () => {
    const df = parseDockerfile(
      'FROM scratch\nHEALTHCHECK --interval=5s --retries=3 CMD curl -f http://x/ || exit 1\nHEALTHCHECK NONE',
    );
    expect(df.instructions[1]).toMatchObject({
      none: false,
      flags: { interval: '5s', retries: '3' },
      command: { form: 'shell', text: 'curl -f http://x/ || exit 1' },
    });
    expect(df.instructions[2]).toMatchObject({ none: true });
  });

  it.each<[string, number, string]>([
    ['FROM scratch\nRUNN echo', 2, 'unknown instruction: RUNN'],
    ['RUN echo', 1, 'RUN before FROM'],
    ['FROM scratch\nCOPY onlyone', 2, 'at least two arguments'],
    ['FROM scratch\nSHELL /bin/sh -c', 2, 'SHELL requires the arguments to be in JSON form'],
    ['FROM scratch\nCOPY --frm=x a b', 2, 'unknown flag: --frm'],
    ['FROM a b c d', 1, 'FROM takes an image'],
    ['FROM scratch\nHEALTHCHECK echo', 2, 'HEALTHCHECK must be followed by CMD or NONE'],
    ['FROM scratch\nENV', 2, 'ENV requires at least one argument'],
    ['# escape=x\nFROM scratch', 1, 'invalid escape token'],
    ['ARG A=1', 1, 'no FROM instruction'],
  ])('should name the line of a syntax error in %p', (source, line, reason) => {
    let error: unknown;
    try {
      parseDockerfile(source, 'ctx/Dockerfile');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DockerfileSyntaxError);
    expect((error as DockerfileSyntaxError).line).toBe(line);
    expect((error as Error).message).toMatch(
      new RegExp(`^ctx/Dockerfile:${line}: .*${reason.replace(/[[\]().*+?]/g, '\\$&')}`),
    );
  });
});
