/**
 * Containers through Berth's Docker API, driven by the docker clients themselves against a real
 * berthd: run (attached, with --rm, with stdin), run -d -p, logs -f, exec (with a terminal, through
 * a pty), the lifecycle verbs, and wait's exit codes.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import {
  DOCKER_CLIENTS,
  dockerClient,
  EngineHarness,
  freePort,
  until,
  type DockerClient,
} from '@berth/testing';

jest.setTimeout(120000);

let e: EngineHarness;
let socket: string;
beforeAll(async () => {
  e = new EngineHarness('dockerctr');
  await e.start();
  e.importBusybox();
  socket = path.join(e.execRoot, 'docker.sock');
});
afterAll(() => e.cleanup());

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/' }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

describe.each(DOCKER_CLIENTS)('$name', (client) => {
  let docker: DockerClient;
  const tag = client.env.PATH ? 'old' : 'new';
  beforeAll(() => {
    docker = dockerClient(client, socket, e.execRoot);
  });

  it('should run a container attached, print its output, exit with its code and remove it with --rm', () => {
    const hi = docker.cli(['run', '--rm', '--name', `hi-${tag}`, 'busybox', 'echo', 'hi']);
    expect(hi.stderr).toBe('');
    expect(hi.stdout).toBe('hi\n');
    expect(hi.status).toBe(0);
    const failed = docker.cli(['run', '--rm', 'busybox', 'sh', '-c', 'echo oops >&2; exit 3']);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toBe('oops\n');
    expect(failed.status).toBe(3);
    expect(docker.cli(['ps', '-a', '--format', '{{.Names}}']).stdout).not.toContain(`hi-${tag}`);
  });

  it("should feed a container's stdin with -i", () => {
    const r = docker.cli(['run', '--rm', '-i', 'busybox', 'sh', '-c', 'tr a-z A-Z'], { input: 'shout\n' });
    expect(r.stdout).toBe('SHOUT\n');
    expect(r.status).toBe(0);
  });

  it('should publish a port with run -d -p and list it with ps', async () => {
    const port = await freePort();
    const name = `web-${tag}`;
    const script = 'mkdir /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www';
    const run = docker.cli(['run', '-d', '--name', name, '-p', `${port}:80`, 'busybox', 'sh', '-c', script]);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    try {
      await until(
        'the published port to answer',
        () => get(port).catch(() => ''),
        (body) => body === 'hello\n',
        10000,
      );
      const ps = docker.cli([
        'ps',
        '--filter',
        `name=${name}`,
        '--format',
        '{{.Names}} {{.Ports}} {{.State}}',
      ]);
      expect(ps.stdout).toBe(`${name} 0.0.0.0:${port}->80/tcp running\n`);
    } finally {
      docker.cli(['rm', '-f', name]);
    }
  });

  it('should follow logs with logs -f until the container ends', () => {
    const name = `logs-${tag}`;
    const script = 'for i in 1 2 3; do echo line $i; echo err $i >&2; sleep 0.2; done';
    expect(docker.cli(['run', '-d', '--name', name, 'busybox', 'sh', '-c', script]).status).toBe(0);
    try {
      const follow = docker.cli(['logs', '-f', name]);
      expect(follow.stdout).toBe('line 1\nline 2\nline 3\n');
      expect(follow.stderr).toBe('err 1\nerr 2\nerr 3\n');
      expect(follow.status).toBe(0);
      const tail = docker.cli(['logs', '--tail', '2', '-t', name]);
      expect(tail.stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z line 3\n$/);
      expect(tail.stderr).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z err 3\n$/);
    } finally {
      docker.cli(['rm', '-f', name]);
    }
  });

  it('should exec in a running container, with its exit code, and with a terminal through a pty', () => {
    const name = `exec-${tag}`;
    expect(docker.cli(['run', '-d', '--name', name, 'busybox', 'sleep', '300']).status).toBe(0);
    try {
      const out = docker.cli(['exec', name, 'sh', '-c', 'echo in; echo err >&2; exit 5']);
      expect(out.stdout).toBe('in\n');
      expect(out.stderr).toBe('err\n');
      expect(out.status).toBe(5);
      const piped = docker.cli(['exec', '-i', name, 'cat'], { input: 'through\n' });
      expect(piped.stdout).toBe('through\n');
      // `script` gives the docker client a terminal of its own, as a person's shell would
      const tty = docker.cli(['exec', '-it', name, 'sh', '-c', 'tty']);
      expect(tty.status).not.toBe(0); // no terminal here: the client refuses -t on a pipe …
      const withPty = spawnSync(
        'script',
        ['-qec', `docker exec -it ${name} sh -c 'tty; echo typed:$(head -c 3)'`, '/dev/null'],
        { encoding: 'utf8', env: docker.env, input: 'abc\n', timeout: 30000 },
      );
      expect(withPty.stdout).toMatch(/\/dev\/pts\/\d+\r\n/);
      expect(withPty.stdout).toContain('typed:abc');
      expect(withPty.status).toBe(0);
    } finally {
      docker.cli(['rm', '-f', name]);
    }
  });

  it('should copy files out of and into a container with cp', () => {
    const name = `cp-${tag}`;
    const dir = fs.mkdtempSync(path.join(e.execRoot, `cp-${tag}-`));
    expect(docker.cli(['run', '-d', '--name', name, 'busybox', 'sleep', '300']).status).toBe(0);
    try {
      expect(
        docker.cli(['exec', name, 'sh', '-c', 'mkdir -p /data/sub && echo inside > /data/sub/f']).status,
      ).toBe(0);
      const out = docker.cli(['cp', `${name}:/data`, path.join(dir, 'copied')]);
      expect(out.stderr).toBe('');
      expect(fs.readFileSync(path.join(dir, 'copied/sub/f'), 'utf8')).toBe('inside\n');
      fs.writeFileSync(path.join(dir, 'host.txt'), 'from the host\n');
      const put = docker.cli(['cp', path.join(dir, 'host.txt'), `${name}:/data/`]);
      expect(put.stderr).toBe('');
      expect(put.status).toBe(0);
      expect(docker.cli(['exec', name, 'cat', '/data/host.txt']).stdout).toBe('from the host\n');
      const committed = docker.cli(['commit', '-c', 'CMD ["cat", "/data/host.txt"]', name, `snap-${tag}:1`]);
      expect(committed.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
      expect(docker.cli(['run', '--rm', `snap-${tag}:1`]).stdout).toBe('from the host\n');
      docker.cli(['rmi', `snap-${tag}:1`]);
      const missing = docker.cli(['cp', `${name}:/no/such/file`, dir]);
      expect(missing.stderr).toContain('/no/such/file');
      expect(missing.status).not.toBe(0);
    } finally {
      docker.cli(['rm', '-f', name]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should resolve a container by name on a network made with docker network create', () => {
    const net = `net-${tag}`;
    expect(docker.cli(['network', 'create', net]).status).toBe(0);
    try {
      expect(
        docker.cli(['run', '-d', '--network', net, '--name', `db-${tag}`, 'busybox', 'sleep', '300']).status,
      ).toBe(0);
      const ping = docker.cli([
        'run',
        '--rm',
        '--network',
        net,
        'busybox',
        'ping',
        '-c1',
        '-W2',
        `db-${tag}`,
      ]);
      expect(ping.stdout).toContain('1 packets received');
      expect(ping.status).toBe(0);
    } finally {
      docker.cli(['rm', '-f', `db-${tag}`]);
      docker.cli(['network', 'rm', net]);
    }
  });

  it('should show top and stats of a running container, and prune the stopped ones', () => {
    const name = `obs-${tag}`;
    expect(docker.cli(['run', '-d', '--name', name, 'busybox', 'sleep', '300']).status).toBe(0);
    expect(docker.cli(['create', '--name', `idle-${tag}`, 'busybox', 'true']).status).toBe(0);
    try {
      const top = docker.cli(['top', name]);
      expect(top.stdout).toMatch(/^UID\s+PID\s+PPID/);
      expect(top.stdout).toContain('sleep 300');
      const stats = docker.cli([
        'stats',
        '--no-stream',
        '--format',
        '{{.Name}} {{.PIDs}} {{.MemUsage}}',
        name,
      ]);
      expect(stats.stderr).toBe('');
      expect(stats.stdout).toMatch(new RegExp(`^${name} 1 [\\d.]+[KMG]?i?B / [\\d.]+[KMG]iB\n$`));
      const pruned = docker.cli(['container', 'prune', '-f']);
      expect(pruned.stdout).toContain('Deleted Containers:');
      const left = docker.cli(['ps', '-a', '--format', '{{.Names}}']).stdout;
      expect(left).toContain(name);
      expect(left).not.toContain(`idle-${tag}`);
    } finally {
      docker.cli(['rm', '-f', name, `idle-${tag}`]);
    }
  });

  it('should stop, start, restart, pause, unpause, kill and remove as docker does', () => {
    const name = `life-${tag}`;
    expect(docker.cli(['run', '-d', '--name', name, 'busybox', 'sleep', '300']).status).toBe(0);
    const state = () => docker.cli(['inspect', '--format', '{{.State.Status}}', name]).stdout.trim();
    try {
      expect(docker.cli(['stop', '-t', '1', name]).stdout).toBe(`${name}\n`);
      expect(state()).toBe('exited');
      expect(docker.cli(['start', name]).status).toBe(0);
      expect(state()).toBe('running');
      expect(docker.cli(['pause', name]).status).toBe(0);
      expect(state()).toBe('paused');
      expect(docker.cli(['unpause', name]).status).toBe(0);
      expect(docker.cli(['restart', '-t', '0', name]).status).toBe(0);
      expect(state()).toBe('running');
      expect(docker.cli(['kill', name]).status).toBe(0);
      expect(docker.cli(['wait', name]).stdout).toBe('137\n');
      const again = docker.cli(['kill', name]);
      expect(again.stderr).toContain('is not running');
      expect(again.status).not.toBe(0);
    } finally {
      expect(docker.cli(['rm', '-f', name]).status).toBe(0);
    }
    const gone = docker.cli(['rm', name]);
    expect(gone.stderr).toContain(`No such container: ${name}`);
  });
});
