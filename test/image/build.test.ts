/** Dockerfile builds on real containers: stages, cache, context rules, whiteouts, errors; then push, pull and run. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { BuildError, Builder, DockerfileSyntaxError, Images, type BuildOptions } from '@berth/image';
import { RuntimeHarness, sharedBusyboxRootfs, startRegistry, type TestRegistry } from '@berth/testing';

let h: RuntimeHarness;
let images: Images;
let builder: Builder;
let registry: TestRegistry;
let ctxCounter = 0;

beforeAll(async () => {
  h = RuntimeHarness.open('build');
  images = Images.open({ root: path.join(h.tmp, 'images') });
  builder = new Builder(images, h.runtime);
  registry = await startRegistry();
  const tar = execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', '-', '.'], { maxBuffer: 64 << 20 });
  await images.import(Readable.from(tar), {
    reference: 'busybox:base',
    config: { Cmd: ['sh'], Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] },
  });
});
afterAll(async () => {
  images.close();
  await registry.stop();
  await h.cleanup();
});

/** A fresh context directory with FILES (path → content). */
function context(files: Record<string, string>): string {
  const dir = path.join(h.tmp, `ctx-${++ctxCounter}`);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function build(options: BuildOptions) {
  const out: string[] = [];
  const result = await builder.build({ ...options, onOutput: (t) => out.push(t) });
  return { ...result, output: out.join('') };
}

/** Run IMAGE's command (or ARGS) in a container; its stdout. */
async function runImage(name: string, args?: string[]): Promise<string> {
  const config = images.containerConfig(name);
  const r = await h.run(
    {
      args: args ?? [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])],
      env: config.Env ?? [],
      cwd: config.WorkingDir || '/',
    },
    h.nextId('img'),
    await images.lowerDirs(images.resolve(name)),
  );
  return r.stdout;
}

const MULTI_STAGE = `# a small multi-stage image
ARG BASE=busybox:base
FROM \${BASE} AS build
WORKDIR /src
COPY hello.txt .
RUN echo "built in $(pwd) by uid $(id -u)" > out.txt \\
 && cat hello.txt >> out.txt

FROM \${BASE}
LABEL org.example.stage=final
COPY --from=build /src/out.txt /app/out.txt
ENV GREETING=hi
CMD ["cat", "/app/out.txt"]
`;

describe('a multi-stage build', () => {
  let ctx: string;
  let first: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    ctx = context({ Dockerfile: MULTI_STAGE, 'hello.txt': 'hello from the context\n' });
    first = await build({ context: ctx, tags: ['app:1'] });
  });

  it('should build the final stage only, with the steps and ids shown as docker build shows them', async () => {
    expect(first.output).toMatch(
      /^Step 1\/10 : ARG BASE=busybox:base\nStep 2\/10 : FROM \$\{BASE\} AS build\n ---> [0-9a-f]{12}\nStep 3\/10 : WORKDIR \/src\n/,
    );
    expect(first.output).toContain('Step 5/10 : RUN echo');
    expect(first.output).toMatch(/ ---> Running in [0-9a-f]{12}\n/);
    expect(first.output).toContain(
      `Successfully built ${first.image.configDigest.slice(7, 19)}\nSuccessfully tagged app:1\n`,
    );
    expect(first.cachedSteps).toBe(0);
    const base = images.resolve('busybox:base');
    expect(first.image.layers.map((l) => l.chainId)).toEqual([
      ...base.layers.map((l) => l.chainId),
      expect.any(String),
    ]);
    expect(images.containerConfig('app:1')).toMatchObject({
      Cmd: ['cat', '/app/out.txt'],
      Labels: { 'org.example.stage': 'final' },
    });
    expect(images.containerConfig('app:1').Env).toContain('GREETING=hi');
    expect(await runImage('app:1')).toBe('built in /src by uid 0\nhello from the context\n');
  });

  it('should take every step from the cache when nothing changed, and give the same image', async () => {
    const again = await build({ context: ctx, tags: ['app:1'] });
    expect(again.image.configDigest).toBe(first.image.configDigest);
    expect(again.output.match(/Using cache/g)).toHaveLength(3); // COPY, RUN, COPY --from
    expect(again.output).not.toContain('Running in');
  });

  it('should rebuild from the first step whose input changed', async () => {
    fs.writeFileSync(path.join(ctx, 'hello.txt'), 'changed\n');
    const changed = await build({ context: ctx, tags: ['app:2'] });
    expect(changed.output.match(/Using cache/g)).toBeNull();
    expect(await runImage('app:2')).toBe('built in /src by uid 0\nchanged\n');
    expect(images.resolve('app:1').configDigest).toBe(first.image.configDigest);
  });

  it('should run every step again with --no-cache', async () => {
    const fresh = await build({ context: ctx, noCache: true });
    expect(fresh.output).not.toContain('Using cache');
    expect(fresh.output.match(/Running in/g)).toHaveLength(1);
  });

  it('should stop at --target', async () => {
    const built = await build({ context: ctx, target: 'build', tags: ['app:build'] });
    expect(built.steps).toBe(5);
    expect(await runImage('app:build', ['cat', '/src/out.txt'])).toBe('built in /src by uid 0\nchanged\n');
  });

  it('should push, be removed, be pulled back with the same digest, and run', async () => {
    const name = `${registry.host}/team/app:1`;
    images.tag('app:1', name);
    const pushed = await images.push(name);
    images.remove(name);
    images.remove('app:1');
    expect(images.tryResolve(name)).toBeNull();
    const pulled = await images.pull(name);
    expect(pulled.manifestDigest).toBe(pushed.digest);
    expect(await runImage(name)).toBe('built in /src by uid 0\nhello from the context\n');
  });
});

describe('context rules', () => {
  it('should leave out what .dockerignore excludes, expand globs, and set owners with --chown', async () => {
    const ctx = context({
      Dockerfile: `FROM busybox:base
COPY . /ctx/
COPY *.txt /globbed/
COPY --chown=user:user --chmod=640 owned.txt /owned.txt
CMD ["sh", "-c", "find /ctx /globbed | sort; stat -c '%u:%g %a' /owned.txt"]
`,
      '.dockerignore': 'secret*\n*.log\n!keep.log\n',
      'a.txt': 'a',
      'b.txt': 'b',
      'owned.txt': 'o',
      'secret.key': 'no',
      'debug.log': 'no',
      'keep.log': 'yes',
      'sub/c.txt': 'c',
    });
    await build({ context: ctx, tags: ['ctx:1'] });
    expect((await runImage('ctx:1')).split('\n')).toEqual([
      '/ctx',
      '/ctx/.dockerignore',
      '/ctx/Dockerfile',
      '/ctx/a.txt',
      '/ctx/b.txt',
      '/ctx/keep.log',
      '/ctx/owned.txt',
      '/ctx/sub',
      '/ctx/sub/c.txt',
      '/globbed',
      '/globbed/a.txt',
      '/globbed/b.txt',
      '/globbed/owned.txt',
      '1000:1000 640',
      '',
    ]);
  });

  it('should unpack a local tar archive with ADD, and run steps as USER in WORKDIR', async () => {
    const ctx = context({ Dockerfile: 'x' });
    execFileSync('tar', [
      '-C',
      ctx,
      '-czf',
      path.join(ctx, 'bundle.tar.gz'),
      '--transform',
      's,^Dockerfile$,inside/Dockerfile,',
      'Dockerfile',
    ]);
    fs.writeFileSync(
      path.join(ctx, 'Dockerfile'),
      `FROM busybox:base
ADD bundle.tar.gz /unpacked/
USER user
WORKDIR /home/user/work
RUN id -u > whoami && pwd >> whoami
CMD ["sh", "-c", "ls /unpacked/inside; cat /home/user/work/whoami"]
`,
    );
    const built = await build({ context: ctx, tags: ['add:1'] });
    expect(built.output).toContain('Running in');
    expect(await runImage('add:1')).toBe('Dockerfile\n1000\n/home/user/work\n');
  });

  it('should record deletions and replaced directories made by RUN as whiteouts', async () => {
    const ctx = context({
      Dockerfile: `FROM busybox:base
RUN mkdir -p /data && echo old > /data/old
RUN rm /etc/group && rm -rf /data && mkdir /data && echo new > /data/new
CMD ["sh", "-c", "ls /etc/group 2>&1; ls /data"]
`,
    });
    await build({ context: ctx, tags: ['wh:1'] });
    expect(await runImage('wh:1')).toBe('ls: /etc/group: No such file or directory\nnew\n');
  });
});

describe('metadata instructions', () => {
  it('should set what docker inspect shows, and keep history', async () => {
    const ctx = context({
      Dockerfile: `FROM busybox:base
SHELL ["/bin/sh", "-ec"]
ENTRYPOINT echo entry
EXPOSE 80 53/udp
VOLUME /data
STOPSIGNAL SIGINT
HEALTHCHECK --interval=5s --retries=2 CMD test -e /tmp
ARG VERSION=1.0
ENV APP_VERSION=$VERSION
MAINTAINER someone@example.com
`,
    });
    await build({ context: ctx, tags: ['meta:1'], buildArgs: { VERSION: '2.5' } });
    const inspect = images.inspect('meta:1');
    expect(inspect.Author).toBe('someone@example.com');
    expect(inspect.Config).toMatchObject({
      Shell: ['/bin/sh', '-ec'],
      Entrypoint: ['/bin/sh', '-ec', 'echo entry'],
      Cmd: null,
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      Volumes: { '/data': {} },
      StopSignal: 'SIGINT',
      Healthcheck: { Test: ['CMD-SHELL', 'test -e /tmp'], Interval: 5e9, Retries: 2 },
    });
    expect((inspect.Config as { Env: string[] }).Env).toContain('APP_VERSION=2.5');
    expect(
      images
        .history('meta:1')
        .map((r) => r.createdBy)
        .slice(0, 3),
    ).toEqual(['MAINTAINER someone@example.com', 'ENV APP_VERSION=$VERSION', 'ARG VERSION=1.0']);
  });
});

describe('bad input', () => {
  it('should name the line of a syntax error and tag nothing', async () => {
    const ctx = context({ Dockerfile: 'FROM busybox:base\nRUN true\nCOPYY a b\n' });
    const error = await build({ context: ctx, tags: ['bad:syntax'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockerfileSyntaxError);
    expect((error as Error).message).toMatch(/Dockerfile:3: unknown instruction: COPYY$/);
    expect(images.tryResolve('bad:syntax')).toBeNull();
  });

  it('should name a missing COPY source', async () => {
    const ctx = context({ Dockerfile: 'FROM busybox:base\nCOPY missing.txt /x\n' });
    const error = await build({ context: ctx }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toMatch(
      /Dockerfile:2: COPY failed: file not found in build context or excluded by \.dockerignore: stat missing\.txt: file does not exist$/,
    );
  });

  it('should show a failing RUN’s output and exit code, and leave the old tag alone', async () => {
    const ok = context({ Dockerfile: 'FROM busybox:base\nCMD ["echo", "v1"]\n' });
    const v1 = await build({ context: ok, tags: ['keep:1'] });
    const bad = context({
      Dockerfile: 'FROM busybox:base\nRUN echo "about to fail" && echo oops >&2 && exit 3\n',
    });
    const out: string[] = [];
    const error = await builder
      .build({ context: bad, tags: ['keep:1'], onOutput: (t) => out.push(t) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toMatch(
      /Dockerfile:2: The command '\/bin\/sh -c echo "about to fail" && echo oops >&2 && exit 3' returned a non-zero code: 3$/,
    );
    expect(out.join('')).toContain('about to fail\noops\n');
    expect(images.resolve('keep:1').configDigest).toBe(v1.image.configDigest);
    expect(h.runtime.list()).toEqual([]);
  });
});
