/**
 * berthd's Docker Engine API for networks, volumes, events and disk usage, against a real berthd,
 * driven by the docker clients themselves: the one on the PATH (docker 28) and, for a few
 * commands, Debian's docker.io (20.10, API 1.41). The status codes a client does not show are
 * read over HTTP.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { EngineHarness, until } from '@berth/testing';

jest.setTimeout(60000);

let e: EngineHarness;
let socket: string;
const startedAt = (Date.now() / 1000).toFixed(3);
beforeAll(async () => {
  e = new EngineHarness('dockerobj');
  await e.start();
  e.importBusybox();
  socket = path.join(e.execRoot, 'docker.sock');
});
afterAll(() => e.cleanup());

const DEBIAN = { PATH: '/usr/bin:/bin' };

function docker(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync('docker', args, { encoding: 'utf8', env: dockerEnv(env) });
}

function dockerEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DOCKER_HOST: `unix://${socket}`,
    DOCKER_CONFIG: path.join(e.execRoot, 'docker-config'),
    ...env,
  };
}

function request(method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        socketPath: socket,
        method,
        path: urlPath,
        headers: payload ? { 'Content-Type': 'application/json' } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const now = () => (Date.now() / 1000).toFixed(3);

describe('docker network', () => {
  it('should list the predefined networks as dockerd does', () => {
    const r = docker(['network', 'ls', '--format', '{{.Name}} {{.Driver}} {{.Scope}}']);
    expect(lines(r.stdout)).toEqual(['bridge bridge local', 'host host local', 'none null local']);
    expect(docker(['network', 'ls', '-q', '--filter', 'type=custom']).stdout).toBe('');
  });

  it('should create, filter, inspect and remove a network, with dockerd status codes', async () => {
    const made = docker(['network', 'create', '--label', 'team=a', '--subnet', '10.251.7.0/24', 'objnet']);
    expect(made.stderr).toBe('');
    const id = made.stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(docker(['network', 'ls', '--filter', 'label=team=a', '--format', '{{.Name}}']).stdout).toBe(
      'objnet\n',
    );
    const inspected = docker([
      'network',
      'inspect',
      '--format',
      '{{.Id}} {{.Driver}} {{.Scope}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Labels.team}}',
      'objnet',
    ]);
    expect(inspected.stdout).toBe(`${id} bridge local 10.251.7.0/24 10.251.7.1 a\n`);
    const again = await request('POST', '/v1.50/networks/create', { Name: 'objnet' });
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body)).toEqual({ message: 'network with name objnet already exists' });
    expect((await request('DELETE', '/v1.50/networks/bridge')).status).toBe(403);
    expect((await request('GET', '/v1.50/networks/no-such-net')).status).toBe(404);
    expect(docker(['network', 'rm', 'objnet']).stdout).toBe('objnet\n');
    expect(docker(['network', 'inspect', 'objnet']).stderr).toContain('network objnet not found');
  });

  it('should connect a container made with berth, show it on the network, and disconnect it', () => {
    expect(docker(['network', 'create', 'joined']).status).toBe(0);
    expect(e.berth(['create', '--name', 'obj-c', 'busybox', 'sleep', '300']).status).toBe(0);
    try {
      const connected = docker(['network', 'connect', '--alias', 'svc', 'joined', 'obj-c']);
      expect(connected.stderr).toBe('');
      expect(e.berth(['start', 'obj-c']).status).toBe(0);
      const members = docker([
        'network',
        'inspect',
        '--format',
        '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}',
        'joined',
      ]);
      expect(members.stdout).toMatch(/^obj-c \d+\.\d+\.\d+\.\d+\/24\n$/);
      const busy = docker(['network', 'rm', 'joined']);
      expect(busy.stderr).toContain('has active endpoints (obj-c)');
      expect(docker(['network', 'disconnect', 'joined', 'obj-c']).status).toBe(0);
      expect(docker(['network', 'inspect', '--format', '{{len .Containers}}', 'joined']).stdout).toBe('0\n');
    } finally {
      e.berth(['rm', '-f', 'obj-c']);
    }
  });

  it('should prune unused custom networks only', () => {
    expect(docker(['network', 'create', 'unused']).status).toBe(0);
    const r = docker(['network', 'prune', '-f']);
    expect(r.stdout).toContain('Deleted Networks:');
    expect(lines(r.stdout).slice(1).sort()).toEqual(['joined', 'unused']);
    expect(docker(['network', 'ls', '-q']).stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('docker volume', () => {
  it('should create, filter, inspect and remove volumes', () => {
    expect(docker(['volume', 'create', '--label', 'keep=yes', 'objvol']).stdout).toBe('objvol\n');
    expect(
      docker(['volume', 'ls', '--filter', 'label=keep', '--format', '{{.Name}} {{.Driver}}']).stdout,
    ).toBe('objvol local\n');
    const inspected = docker([
      'volume',
      'inspect',
      '--format',
      '{{.Name}} {{.Scope}} {{.Mountpoint}}',
      'objvol',
    ]);
    expect(inspected.stdout).toBe(`objvol local ${e.dataRoot}/volumes/objvol/_data\n`);
    expect(docker(['volume', 'rm', 'objvol']).stdout).toBe('objvol\n');
    expect(docker(['volume', 'rm', 'objvol']).stderr).toContain('no such volume');
    expect(docker(['volume', 'rm', '-f', 'objvol']).status).toBe(0);
  });

  it('should refuse to remove a volume in use, in dockerd words, with 409', async () => {
    expect(e.berth(['create', '--name', 'obj-v', '-v', 'used:/data', 'busybox', 'true']).status).toBe(0);
    try {
      const r = docker(['volume', 'rm', 'used']);
      expect(r.stderr).toMatch(/remove used: volume is in use - \[[0-9a-f]{64}\]/);
      expect((await request('DELETE', '/v1.50/volumes/used?force=1')).status).toBe(409);
      expect(docker(['volume', 'ls', '--filter', 'dangling=false', '-q']).stdout).toBe('used\n');
    } finally {
      e.berth(['rm', '-f', 'obj-v']);
    }
  });

  it('should prune only anonymous volumes unless told all (API 1.42 on)', async () => {
    const anonymous = JSON.parse((await request('POST', '/v1.50/volumes/create', {})).body) as {
      Name: string;
    };
    expect(docker(['volume', 'prune', '-f']).stdout).toContain(anonymous.Name);
    expect(docker(['volume', 'ls', '-q']).stdout).toBe('used\n');
    expect(docker(['volume', 'prune', '-a', '-f']).stdout).toContain('used');
    expect(docker(['volume', 'ls', '-q']).stdout).toBe('');
  });
});

describe('docker events', () => {
  it('should show, between --since and --until, the events of what was done', () => {
    const r = docker([
      'events',
      '--since',
      startedAt,
      '--until',
      now(),
      '--filter',
      'type=network',
      '--filter',
      'type=volume',
      '--format',
      '{{.Type}} {{.Action}} {{with .Actor.Attributes.name}}{{.}}{{else}}{{.Actor.ID}}{{end}}',
    ]);
    expect(r.status).toBe(0);
    const seen = lines(r.stdout);
    for (const line of [
      'network create objnet',
      'network connect joined',
      'network destroy unused',
      'volume create objvol',
    ])
      expect(seen).toContain(line);
  });

  it("should answer a listener's headers at once, before any event", async () => {
    const headers = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get({ socketPath: socket, path: '/v1.50/events' }, resolve);
      req.on('error', reject);
      setTimeout(() => reject(new Error('no headers within a second')), 1000).unref();
    });
    expect(headers.statusCode).toBe(200);
    expect(headers.headers['content-type']).toBe('application/json');
    expect(headers.headers['api-version']).toBe('1.50');
    headers.destroy();
  });

  it('should stream an event to a listening client as it happens', async () => {
    const client = spawn(
      'docker',
      ['events', '--format', '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}'],
      {
        env: dockerEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    client.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      // listening once an event made after its start reaches it
      const probe = () => {
        docker(['volume', 'create', 'listening']);
        docker(['volume', 'rm', 'listening']);
        return out;
      };
      await until('docker events to listen', probe, (seen) => seen.includes('volume create'), 10000);
      expect(e.berth(['run', '-d', '--name', 'obj-live', 'busybox', 'sleep', '300']).status).toBe(0);
      const ran = Date.now();
      await until(
        'the start event',
        () => out,
        (seen) => seen.includes('container start obj-live'),
        1000,
        20,
      );
      expect(Date.now() - ran).toBeLessThan(1000);
    } finally {
      const exited = new Promise((resolve) => client.once('exit', resolve));
      process.kill(client.pid!, 'SIGTERM');
      await exited;
      e.berth(['rm', '-f', 'obj-live']);
    }
  });
});

describe('docker system df and what Berth does not do', () => {
  it('should count images, containers and volumes', () => {
    expect(e.berth(['create', '--name', 'obj-df', '-v', 'dfvol:/data', 'busybox', 'true']).status).toBe(0);
    try {
      const r = docker(['system', 'df', '--format', '{{.Type}} {{.TotalCount}} {{.Active}}']);
      expect(lines(r.stdout)).toEqual([
        'Images 1 1',
        'Containers 1 0',
        'Local Volumes 1 1',
        'Build Cache 0 0',
      ]);
    } finally {
      e.berth(['rm', '-f', '-v', 'obj-df']);
      docker(['volume', 'rm', 'dfvol']);
    }
  });

  it('should answer plugins and checkpoints 501 naming them, and unknown paths 404', async () => {
    const plugins = docker(['plugin', 'ls']);
    expect(plugins.stderr).toContain('plugins (/plugins) are not implemented by Berth');
    expect(plugins.status).toBe(1);
    const checkpoints = await request('GET', '/v1.50/containers/abc/checkpoints');
    expect(checkpoints.status).toBe(501);
    expect(JSON.parse(checkpoints.body).message).toContain('checkpoints');
    expect((await request('POST', '/v1.50/session')).status).toBe(501);
    expect((await request('GET', '/v1.50/distribution/docker.io/library/busybox/json')).status).toBe(501);
    const update = docker(['update', '--memory', '64m', 'anything']);
    expect(update.stderr).toContain('docker update, /containers/{id}/update) is not implemented by Berth');
    expect(update.status).toBe(1);
    const unknown = await request('GET', '/v1.50/networks/x/y/z');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ message: 'page not found' });
  });
});

describe("Debian's docker.io (API 1.41)", () => {
  it('should make, list and remove networks and volumes', () => {
    expect(docker(['network', 'create', 'old-net'], DEBIAN).status).toBe(0);
    expect(docker(['network', 'ls', '--format', '{{.Name}}'], DEBIAN).stdout).toContain('old-net\n');
    expect(docker(['network', 'rm', 'old-net'], DEBIAN).stdout).toBe('old-net\n');
    expect(docker(['volume', 'create', 'old-vol'], DEBIAN).stdout).toBe('old-vol\n');
    expect(docker(['volume', 'ls', '-q'], DEBIAN).stdout).toBe('old-vol\n');
    // before API 1.42 a prune takes named volumes too
    expect(docker(['volume', 'prune', '-f'], DEBIAN).stdout).toContain('old-vol');
  });

  it('should read past events and be told plugins are not there', () => {
    const r = docker(
      [
        'events',
        '--since',
        startedAt,
        '--until',
        now(),
        '--filter',
        'network=old-net',
        '--format',
        '{{.Action}}',
      ],
      DEBIAN,
    );
    expect(lines(r.stdout)).toEqual(['create', 'destroy']);
    expect(docker(['plugin', 'ls'], DEBIAN).stderr).toContain('not implemented by Berth');
  });
});
