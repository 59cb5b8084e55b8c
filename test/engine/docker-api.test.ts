/**
 * berthd's Docker Engine API on its own socket, against a real berthd: the first slice — ping,
 * version negotiation, the container list — read over HTTP as a Docker client does.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { EngineHarness } from '@berth/testing';

jest.setTimeout(60000);

let e: EngineHarness;
let socket: string;
beforeAll(async () => {
  e = new EngineHarness('dockerapi');
  await e.start();
  e.importBusybox();
  socket = path.join(e.execRoot, 'docker.sock');
});
afterAll(() => e.cleanup());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(method: string, urlPath: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: socket, method, path: urlPath }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Docker Engine API socket', () => {
  it('should be served beside the engine, for root only', () => {
    const st = fs.statSync(socket);
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
  });

  it("should answer a ping with OK and dockerd's headers, naming the newest API version", async () => {
    for (const method of ['GET', 'HEAD']) {
      const r = await request(method, '/_ping');
      expect(r.status).toBe(200);
      expect(r.headers['api-version']).toBe('1.50');
      expect(r.headers['ostype']).toBe('linux');
      expect(r.headers['docker-experimental']).toBe('false');
      if (method === 'GET') expect(r.body).toBe('OK');
    }
  });

  it('should serve a version it supports and refuse others as dockerd does', async () => {
    const ok = await request('GET', '/v1.41/version');
    expect(ok.status).toBe(200);
    expect(ok.headers['api-version']).toBe('1.41');
    expect(JSON.parse(ok.body)).toMatchObject({ ApiVersion: '1.50', MinAPIVersion: '1.41', Os: 'linux' });
    const old = await request('GET', '/v1.40/version');
    expect(old.status).toBe(400);
    expect(old.headers['content-type']).toBe('application/json');
    expect(JSON.parse(old.body)).toEqual({
      message:
        'client version 1.40 is too old. Minimum supported API version is 1.41, please upgrade your client to a newer version',
    });
    const unknown = await request('GET', '/v1.50/no/such/thing');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ message: 'page not found' });
  });

  it("should list the engine's containers in Docker's shape, with Docker's filters", async () => {
    expect(
      e.berth(['run', '-d', '--name', 'api-web', '--label', 'team=a', 'busybox', 'sleep', '300']).status,
    ).toBe(0);
    expect(e.berth(['create', '--name', 'api-idle', 'busybox', 'true']).status).toBe(0);
    const running = JSON.parse((await request('GET', '/v1.50/containers/json')).body) as {
      Names: string[];
      State: string;
      Labels: Record<string, string>;
    }[];
    expect(running.map((c) => c.Names[0])).toEqual(['/api-web']);
    expect(running[0]).toMatchObject({ State: 'running', Labels: { team: 'a' } });
    const all = JSON.parse((await request('GET', '/v1.50/containers/json?all=1')).body) as {
      Names: string[];
    }[];
    expect(all.map((c) => c.Names[0]).sort()).toEqual(['/api-idle', '/api-web']);
    const filtered = await request(
      'GET',
      `/v1.50/containers/json?all=true&filters=${encodeURIComponent('{"label":["team=a"]}')}`,
    );
    expect((JSON.parse(filtered.body) as { Names: string[] }[]).map((c) => c.Names[0])).toEqual(['/api-web']);
    const bad = await request(
      'GET',
      `/v1.50/containers/json?filters=${encodeURIComponent('{"label":"team=a"}')}`,
    );
    expect(bad.status).toBe(400);
    expect(e.berth(['rm', '-f', 'api-web', 'api-idle']).status).toBe(0);
  });
});

/**
 * The docker clients themselves: the one on the PATH (docker 28 on these machines) and Debian's
 * docker.io (20.10, API 1.41), which scripts/setup.sh installs, found first on a PATH of /usr/bin.
 */
const CLIENTS: [string, NodeJS.ProcessEnv, number][] = [
  ['docker on the PATH', {}, 18081],
  ["Debian's docker.io", { PATH: '/usr/bin:/bin' }, 18082],
];

function docker(env: NodeJS.ProcessEnv, args: string[]) {
  return spawnSync('docker', ['-H', `unix://${socket}`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_CONFIG: path.join(e.execRoot, 'docker-config'), ...env },
  });
}

describe.each(CLIENTS)('%s', (_name, env, port) => {
  it('should see Berth as its server, at the API version it asks for', () => {
    const r = docker(env, [
      'version',
      '--format',
      '{{.Server.Version}} {{.Server.MinAPIVersion}} {{.Server.Experimental}}',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('0.1.0 1.41 false');
    expect(r.status).toBe(0);
  });

  it('should show the engine with docker info', () => {
    const r = docker(env, [
      'info',
      '--format',
      '{{.ServerVersion}} {{.OSType}} {{.Driver}} {{.Swarm.LocalNodeState}}',
    ]);
    expect(r.stdout.trim()).toBe('0.1.0 linux overlay2 inactive');
    expect(r.status).toBe(0);
  });

  it('should list the containers with docker ps and its --format, and inspect one', () => {
    expect(
      e.berth(['run', '-d', '--name', `cli-${port}`, '-p', `${port}:80`, 'busybox', 'sleep', '300']).status,
    ).toBe(0);
    try {
      const r = docker(env, [
        'ps',
        '-a',
        '--filter',
        `name=cli-${port}`,
        '--format',
        '{{.Names}} {{.Image}} {{.Ports}} {{.State}}',
      ]);
      expect(r.stdout).toBe(`cli-${port} busybox 0.0.0.0:${port}->80/tcp running\n`);
      expect(r.status).toBe(0);
      const inspected = docker(env, [
        'container',
        'inspect',
        '--format',
        '{{.Name}} {{.State.Status}} {{.Config.Image}} {{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}',
        `cli-${port}`,
      ]);
      expect(inspected.stdout).toBe(`/cli-${port} running busybox ${port}\n`);
      const missing = docker(env, ['container', 'inspect', 'no-such-container']);
      expect(missing.stderr).toContain('No such container: no-such-container');
      expect(missing.status).toBe(1);
    } finally {
      e.berth(['rm', '-f', `cli-${port}`]);
    }
  });

  it("should refuse the swarm commands of an engine in no cluster in dockerd's words", () => {
    for (const args of [
      ['node', 'ls'],
      ['service', 'ls'],
      ['secret', 'ls'],
    ]) {
      const r = docker(env, args);
      expect(r.stderr.trim()).toBe(
        'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      );
      expect(r.status).toBe(1);
    }
  });

  it("should tell a client too old for the API so, in dockerd's words", () => {
    const r = docker({ ...env, DOCKER_API_VERSION: '1.40' }, ['ps']);
    expect(r.stderr).toContain('client version 1.40 is too old. Minimum supported API version is 1.41');
    expect(r.status).toBe(1);
  });
});
