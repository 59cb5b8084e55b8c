/**
 * The image routes of berthd's Docker Engine API, driven by the docker clients themselves (the
 * docker 28 client on the PATH, and Debian's docker.io 20.10 for a few), against a real berthd
 * and Debian's docker-registry: list, inspect, history, tag, rmi, pull, push, the classic
 * build, save and load, prune — and the build's JSON stream read over HTTP as it is written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { EngineHarness, startRegistry, type TestRegistry } from '@berth/testing';

jest.setTimeout(90000);

let e: EngineHarness;
let registry: TestRegistry;
let socket: string;
let ctx: string;
beforeAll(async () => {
  e = new EngineHarness('dockerimages');
  [registry] = await Promise.all([startRegistry({ auth: 'htpasswd' }), e.start()]);
  e.importBusybox();
  socket = path.join(e.execRoot, 'docker.sock');
  // the client's login, which it sends as X-Registry-Auth; the engine itself has none
  const login = Buffer.from(`${registry.user}:${registry.password}`).toString('base64');
  fs.mkdirSync(path.join(e.execRoot, 'docker-config'));
  fs.writeFileSync(
    path.join(e.execRoot, 'docker-config', 'config.json'),
    JSON.stringify({ auths: { [registry.host]: { auth: login } } }),
  );
  ctx = path.join(e.tmp, 'ctx');
  fs.mkdirSync(ctx);
  fs.writeFileSync(
    path.join(ctx, 'Dockerfile'),
    'FROM busybox\nARG WHO=nobody\nRUN echo "hi $WHO" > /hi\nCOPY f.txt /f.txt\nCMD ["cat", "/hi", "/f.txt"]\n',
  );
  fs.writeFileSync(path.join(ctx, 'f.txt'), 'copied\n');
});
afterAll(async () => {
  await e.cleanup();
  await registry.stop();
});

const NEW: NodeJS.ProcessEnv = {};
const OLD: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin' }; // Debian's docker.io

function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DOCKER_HOST: `unix://${socket}`,
    DOCKER_CONFIG: path.join(e.execRoot, 'docker-config'),
    ...extra,
  };
}

function docker(args: string[], extra: NodeJS.ProcessEnv = NEW) {
  return spawnSync('docker', args, { encoding: 'utf8', env: env(extra), timeout: 60000 });
}

/** A shell line of docker commands (pipes). */
function sh(line: string) {
  return spawnSync('sh', ['-c', line], { encoding: 'utf8', env: env(NEW), timeout: 60000 });
}

describe('docker image commands against berthd', () => {
  it('should list, inspect and show the history of an image', () => {
    const listed = docker(['images', '--format', '{{.Repository}} {{.Tag}} {{.ID}} {{.Size}}']);
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toMatch(/^busybox latest [0-9a-f]{12} \d+(\.\d+)?MB\n$/);
    const inspected = docker([
      'image',
      'inspect',
      '--format',
      '{{.Id}} {{.Config.Cmd}} {{.RepoTags}} {{.Os}}',
      'busybox',
    ]);
    expect(inspected.stdout).toMatch(/^sha256:[0-9a-f]{64} \[sh\] \[busybox:latest\] linux\n$/);
    const history = docker(['history', 'busybox']);
    expect(history.stdout).toMatch(
      /^IMAGE +CREATED +CREATED BY +SIZE +COMMENT\n[0-9a-f]{12} .* berth import +/,
    );
    const missing = docker(['image', 'inspect', 'nosuch']);
    expect(missing.stderr).toContain('No such image: nosuch:latest');
    expect(missing.status).toBe(1);
  });

  it('should tag under names with slashes and colons, filter by reference, and remove tags', () => {
    const name = `${registry.host}/team/bb:v1`;
    expect(docker(['tag', 'busybox', name]).status).toBe(0);
    expect(
      docker([
        'images',
        '--filter',
        `reference=${registry.host}/team/*`,
        '--format',
        '{{.Repository}}:{{.Tag}}',
      ]).stdout,
    ).toBe(`${name}\n`);
    expect(docker(['image', 'inspect', '--format', '{{len .RepoTags}}', name]).stdout).toBe('2\n');
    expect(docker(['tag', 'busybox', 'other:1']).status).toBe(0);
    const removed = docker(['rmi', 'other:1']);
    expect(removed.stdout).toBe('Untagged: other:1\n');
    const missing = docker(['rmi', 'nosuch']);
    expect(missing.stderr).toContain('No such image: nosuch:latest');
    expect(missing.status).toBe(1);
  });

  it('should check a login with docker login, and refuse a wrong password in the registry words', () => {
    const config = { DOCKER_CONFIG: path.join(e.tmp, 'login-config') };
    const ok = spawnSync('docker', ['login', '-u', registry.user, '--password-stdin', registry.host], {
      encoding: 'utf8',
      env: env(config),
      input: registry.password,
      timeout: 60000,
    });
    expect(ok.stdout).toContain('Login Succeeded');
    expect(ok.status).toBe(0);
    const wrong = spawnSync('docker', ['login', '-u', registry.user, '--password-stdin', registry.host], {
      encoding: 'utf8',
      env: env(config),
      input: 'not-the-password',
      timeout: 60000,
    });
    expect(wrong.stderr).toContain('unauthorized');
    expect(wrong.status).not.toBe(0);
  });

  it('should push to a registry with the login the client sends, and pull back, with docker progress and the engine events', () => {
    const since = (Date.now() / 1000).toFixed(3);
    const name = `${registry.host}/team/bb:v1`;
    const refused = docker(['push', name], { DOCKER_CONFIG: path.join(e.tmp, 'no-login') });
    expect(refused.stdout).toContain('The push refers to repository'); // the stream had begun: its last message is the error
    expect(refused.stderr).toContain(
      `unauthorized: authentication required; log in with \`docker login ${registry.host}\``,
    );
    expect(refused.status).toBe(1);
    const pushed = docker(['push', name]);
    expect(pushed.stdout).toMatch(
      new RegExp(`^The push refers to repository \\[${registry.host}/team/bb\\]\n`),
    );
    expect(pushed.stdout).toMatch(/[0-9a-f]{12}: Pushed\n/);
    expect(pushed.stdout).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    expect(pushed.status).toBe(0);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout)![1];

    expect(docker(['rmi', name]).status).toBe(0);
    const pulled = docker(['pull', name]);
    expect(pulled.stdout).toMatch(/^v1: Pulling from team\/bb\n/);
    expect(pulled.stdout).toMatch(/[0-9a-f]{12}: (Pull complete|Already exists)\n/);
    expect(pulled.stdout).toContain(
      `Digest: ${digest}\nStatus: Downloaded newer image for ${name}\n${name}\n`,
    );
    expect(docker(['pull', name]).stdout).toContain(`Status: Image is up to date for ${name}`);
    expect(
      docker(['images', '--digests', '--format', '{{.Digest}}', `${registry.host}/team/bb`]).stdout,
    ).toBe(`${digest}\n`);
    const unknown = docker(['pull', `${registry.host}/team/nosuch:v1`]);
    expect(unknown.stderr).toContain('not found');
    expect(unknown.status).toBe(1);

    const until = (Date.now() / 1000 + 0.5).toFixed(3);
    const events = e.berth([
      'events',
      '--since',
      since,
      '--until',
      until,
      '--format',
      '{{.Type}} {{.Action}}',
    ]);
    expect(events.stdout.split('\n').filter(Boolean)).toEqual(
      expect.arrayContaining(['image push', 'image untag', 'image pull']),
    );
  });

  it('should build with the classic builder (DOCKER_BUILDKIT=0): RUN, COPY, build args, tags', () => {
    const built = docker(['build', '-t', 'built:1', '-t', 'built:2', '--build-arg', 'WHO=docker', ctx], {
      DOCKER_BUILDKIT: '0',
    });
    expect(built.stdout).toMatch(
      /^Sending build context to Docker daemon +[\d.]+kB\s+Step 1\/5 : FROM busybox\n/,
    );
    expect(built.stdout).toMatch(
      /Successfully built [0-9a-f]{12}\nSuccessfully tagged built:1\nSuccessfully tagged built:2\n$/,
    );
    expect(built.status).toBe(0);
    const run = e.berth(['run', '--rm', 'built:1']);
    expect(run.stdout).toBe('hi docker\ncopied\n');
    const quiet = docker(['build', '-q', '--build-arg', 'WHO=docker', ctx], { DOCKER_BUILDKIT: '0' });
    const id = docker(['image', 'inspect', '--format', '{{.Id}}', 'built:1']).stdout;
    expect(quiet.stdout).toBe(id);
  });

  it('should build with a Dockerfile from outside the context, which the client adds to the tar', () => {
    const outside = path.join(e.tmp, 'Dockerfile.outside');
    fs.writeFileSync(outside, 'FROM busybox\nCOPY f.txt /outside.txt\n');
    const built = docker(['build', '-f', outside, '-t', 'outside:1', ctx], { DOCKER_BUILDKIT: '0' });
    expect(built.stdout).toContain('Step 2/2 : COPY f.txt /outside.txt\n');
    expect(built.stdout).toContain('Successfully tagged outside:1\n');
    expect(built.status).toBe(0);
  });

  it('should fall back to the classic builder by itself when the client has no buildx', () => {
    const built = docker(['build', '--build-arg', 'WHO=docker', '-t', 'built:3', ctx]);
    expect(built.stderr).toContain('legacy builder');
    expect(built.stdout).toContain('Successfully tagged built:3\n');
    expect(built.status).toBe(0);
  });

  it('should save and load through a pipe and a file', () => {
    const piped = sh('docker save built:1 | docker load');
    expect(piped.stdout).toBe('Loaded image: built:1\n');
    expect(piped.status).toBe(0);
    const file = path.join(e.tmp, 'saved.tar');
    expect(docker(['save', '-o', file, 'built:2', 'busybox']).status).toBe(0);
    expect(docker(['rmi', 'built:2']).status).toBe(0);
    expect(docker(['load', '-i', file]).stdout).toBe('Loaded image: built:2\nLoaded image: busybox:latest\n');
  });

  it('should prune dangling images', () => {
    const rootfs = path.join(e.tmp, 'busybox.tar'); // what importBusybox packed
    const imported = docker(['import', rootfs]);
    expect(imported.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(docker(['images', '-q', '--filter', 'dangling=true', '--no-trunc']).stdout).toBe(imported.stdout);
    const pruned = docker(['image', 'prune', '-f']);
    expect(pruned.stdout).toContain(`deleted: ${imported.stdout}`);
    expect(pruned.stdout).toMatch(/Total reclaimed space: /);
    expect(docker(['images', '-q', '--filter', 'dangling=true']).stdout).toBe('');
  });
});

describe("Debian's docker.io (20.10) against berthd's image routes", () => {
  it('should list images and build with its classic builder', () => {
    const listed = docker(['images', '--format', '{{.Repository}}:{{.Tag}} {{.Size}}', 'busybox'], OLD);
    expect(listed.stdout).toMatch(/^busybox:latest \d+(\.\d+)?MB\n$/);
    const built = docker(['build', '--build-arg', 'WHO=docker', '-t', 'old:1', ctx], OLD);
    expect(built.stdout).toContain('Successfully tagged old:1\n');
    expect(built.status).toBe(0);
    expect(docker(['rmi', 'old:1'], OLD).stdout).toBe('Untagged: old:1\n');
  });
});

/** POST PATH with BODY over the socket; resolves with the status, each chunk's arrival and the body. */
function post(urlPath: string, body: Buffer) {
  return new Promise<{ status: number; chunks: { at: number; text: string }[] }>((resolve, reject) => {
    const req = http.request(
      { socketPath: socket, method: 'POST', path: urlPath, headers: { 'Content-Type': 'application/x-tar' } },
      (res) => {
        const chunks: { at: number; text: string }[] = [];
        res.on('data', (d: Buffer) => chunks.push({ at: Date.now(), text: d.toString() }));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, chunks }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the JSON stream of POST /build', () => {
  it('should send each step as it happens, and end with the failure as an error message', async () => {
    const dir = path.join(e.tmp, 'slow');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox\nRUN sleep 1; exit 3\n');
    const tar = execFileSync('tar', ['-C', dir, '-cf', '-', '.']);
    const r = await post('/v1.50/build?t=slow:1', tar);
    expect(r.status).toBe(200);
    const lines = r.chunks.flatMap((c) =>
      c.text
        .split('\r\n')
        .filter(Boolean)
        .map((l) => ({ at: c.at, m: JSON.parse(l) })),
    );
    expect(lines[0].m).toEqual({ stream: 'Step 1/2 : FROM busybox\n' });
    expect(lines.at(-1)!.at - lines[0].at).toBeGreaterThan(700); // the first step came before the RUN's second
    expect(lines.at(-1)!.m.errorDetail.message).toContain('returned a non-zero code: 3');
    expect(lines.at(-1)!.m.error).toBe(lines.at(-1)!.m.errorDetail.message);
    expect(fs.readdirSync(path.join(e.execRoot, 'docker-build'))).toEqual([]); // the contexts unpacked are gone
  });

  it('should refuse BuildKit with 501, naming DOCKER_BUILDKIT=0', async () => {
    const r = await post('/v1.50/build?version=2', Buffer.alloc(0));
    expect(r.status).toBe(501);
    expect(JSON.parse(r.chunks.map((c) => c.text).join('')).message).toContain('DOCKER_BUILDKIT=0');
  });
});
