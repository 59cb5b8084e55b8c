/**
 * End to end through bin/berth against a real berthd (its own roots, bridge
 * and cgroups): what a person does with Docker on one machine.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { EngineHarness, freePort, startRegistry } from '@berth/testing';

jest.setTimeout(60000);

let e: EngineHarness;
beforeAll(async () => {
  e = new EngineHarness('engine');
  await e.start();
  e.importBusybox();
});
afterAll(() => e.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
  what: string,
  check: () => T | null | undefined | false,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

const inspect = (name: string, format: string) => e.berth(['inspect', '-f', format, name]).stdout.trim();

describe('run', () => {
  it("should stream the container's output and exit with its code", () => {
    const r = e.berth(['run', '--rm', 'busybox', 'sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(r.stdout).toBe('out\n');
    expect(r.stderr).toBe('err\n');
    expect(r.status).toBe(3);
    expect(e.berth(['ps', '-aq']).stdout).toBe(''); // --rm
  });

  it('should exit 127 for a command that is not there, 126 for one that cannot run, 125 when the engine refuses', () => {
    const missing = e.berth(['run', '--rm', 'busybox', 'no-such-command']);
    expect(missing.status).toBe(127);
    expect(missing.stderr).toContain('exec: "no-such-command": executable file not found in $PATH');
    expect(e.berth(['run', '--rm', 'busybox', '/etc/passwd']).status).toBe(126);
    const flag = e.berth(['run', '--no-such-flag', 'busybox']);
    expect(flag.status).toBe(125);
    expect(flag.stderr).toContain('unknown flag: --no-such-flag');
    expect(flag.stderr).toContain("See 'berth run --help'.");
    const image = e.berth(['run', '--rm', '--pull', 'never', 'nothere:1']);
    expect(image.status).toBe(125);
    expect(image.stderr).toContain('No such image: nothere:1');
    expect(e.berth(['ps', '-aq']).stdout).toBe('');
  });

  it('should apply the flags: env, workdir, user, entrypoint, hostname, read-only, tmpfs, limits', () => {
    const envFile = path.join(e.tmp, 'env');
    fs.writeFileSync(envFile, '# comment\nFROM_FILE=yes\n');
    const r = e.berth([
      'run',
      '--rm',
      '-e',
      'A=1',
      '--env-file',
      envFile,
      '-w',
      '/tmp',
      '-u',
      '1000:1000',
      '-h',
      'boxy',
      '--read-only',
      '--tmpfs',
      '/scratch',
      '--memory',
      '64m',
      '--cpus',
      '0.5',
      '--pids-limit',
      '50',
      '--entrypoint',
      'sh',
      'busybox',
      '-c',
      'echo $A $FROM_FILE $(pwd) $(id -u):$(id -g) $(hostname); touch /x 2>/dev/null || echo ro; touch /scratch/y && echo tmpfs; cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1 yes /tmp 1000:1000 boxy\nro\ntmpfs\n50\n');
    expect(
      e.berth(['run', '-d', '--name', 'limits', '--memory', '64m', '--cpus', '1.5', 'busybox', 'sleep', '30'])
        .status,
    ).toBe(0);
    const doc = JSON.parse(e.berth(['inspect', 'limits']).stdout)[0];
    expect(doc.HostConfig).toMatchObject({ Memory: 64 * 1024 * 1024, NanoCpus: 1.5e9 });
    expect(e.berth(['rm', '-f', 'limits']).status).toBe(0);
  });
});

describe('images through run', () => {
  it('should pull a missing image with progress, and say plainly when the registry has none', async () => {
    const registry = await startRegistry();
    try {
      const name = `${registry.host}/team/box:1`;
      expect(e.berth(['tag', 'busybox', name]).status).toBe(0);
      expect(e.berth(['push', name]).status).toBe(0);
      expect(e.berth(['rmi', name]).status).toBe(0);
      const pulled = e.berth(['run', '--rm', name, 'echo', 'pulled']);
      expect(pulled.stdout).toBe('pulled\n');
      expect(pulled.stderr).toContain(`Unable to find image '${name}' locally`);
      expect(pulled.stderr).toContain(`Status: Downloaded newer image for ${name}`);
      const missing = e.berth(['run', '--rm', `${registry.host}/team/nothere:1`]);
      expect(missing.status).toBe(125);
      expect(missing.stderr).toMatch(/not found/i);
      expect(missing.stderr).toContain(`${registry.host}/team/nothere`);
      expect(e.berth(['ps', '-aq']).stdout).toBe('');
    } finally {
      await registry.stop();
    }
  });

  it("should publish an image's exposed ports with -P and give its VOLUME an anonymous volume", async () => {
    expect(
      e.berth([
        'run',
        '--name',
        'base',
        'busybox',
        'sh',
        '-c',
        'mkdir -p /www /data && echo from-image > /www/index.html && echo seed > /data/seed',
      ]).status,
    ).toBe(0);
    const committed = e.berth([
      'commit',
      '-c',
      'EXPOSE 80',
      '-c',
      'VOLUME /data',
      '-c',
      'CMD ["httpd", "-f", "-p", "80", "-h", "/www"]',
      'base',
      'web:exposed',
    ]);
    expect(committed.status).toBe(0);
    expect(e.berth(['rm', 'base']).status).toBe(0);
    expect(e.berth(['run', '-d', '--name', 'exposed', '-P', 'web:exposed']).status).toBe(0);
    const mapping = e.berth(['port', 'exposed']).stdout;
    expect(mapping).toMatch(/^80\/tcp -> 0\.0\.0\.0:\d+\n$/);
    const port = Number(mapping.trim().split(':').pop());
    expect(await until('httpd', () => get(`http://127.0.0.1:${port}/`).catch(() => null))).toBe(
      'from-image\n',
    );
    const volume = inspect('exposed', '{{range .Mounts}}{{.Name}} {{.Destination}}{{end}}');
    expect(volume).toMatch(/^[0-9a-f]{64} \/data$/);
    const name = volume.split(' ')[0];
    expect(e.berth(['exec', 'exposed', 'cat', '/data/seed']).stdout).toBe('seed\n'); // a new volume starts as the image's content
    expect(e.berth(['volume', 'ls', '-q']).stdout).toContain(`${name}\n`);
    expect(e.berth(['rm', '-f', '-v', 'exposed']).status).toBe(0);
    expect(e.berth(['volume', 'ls', '-q']).stdout).not.toContain(name);
    expect(e.berth(['rmi', 'web:exposed']).status).toBe(0);
  });
});

describe('published ports', () => {
  it('should answer on the host port, and from another container through the bridge', async () => {
    const port = await freePort();
    const started = e.berth([
      'run',
      '-d',
      '--name',
      'web',
      '-p',
      `${port}:80`,
      'busybox',
      'sh',
      '-c',
      'mkdir -p /www && echo hello-berth > /www/index.html && exec httpd -f -p 80 -h /www',
    ]);
    expect(started.status).toBe(0);
    expect(await until('httpd', () => get(`http://127.0.0.1:${port}/`).catch(() => null))).toBe(
      'hello-berth\n',
    );
    const curl = spawnSync('curl', ['-s', `http://127.0.0.1:${port}/`], { encoding: 'utf8' });
    if (curl.error === undefined) expect(curl.stdout).toBe('hello-berth\n');
    const gateway = inspect('web', '{{.NetworkSettings.Gateway}}');
    const other = e.berth(['run', '--rm', 'busybox', 'wget', '-qO-', `http://${gateway}:${port}/`]);
    expect(other.stdout).toBe('hello-berth\n');
    expect(e.berth(['port', 'web']).stdout).toBe(`80/tcp -> 0.0.0.0:${port}\n`);
    expect(e.berth(['ps', '--format', '{{.Names}} {{.Ports}}']).stdout).toContain(
      `web 0.0.0.0:${port}->80/tcp`,
    );
  });

  it('should refuse a host port that is taken before creating anything', async () => {
    const port = await freePort();
    const holder = net.createServer().listen(port, '0.0.0.0');
    await new Promise((r) => holder.once('listening', r));
    try {
      const before = e.berth(['ps', '-aq']).stdout;
      const r = e.berth(['run', '-d', '-p', `${port}:80`, 'busybox', 'true']);
      expect(r.status).toBe(125);
      expect(r.stderr).toContain(`port is already allocated`);
      expect(e.berth(['ps', '-aq']).stdout).toBe(before);
    } finally {
      holder.close();
    }
  });

  it('should pick free host ports for -P', () => {
    const r = e.berth(['run', '-d', '--name', 'pub', '-P', '--entrypoint', 'sleep', 'busybox', '30']);
    expect(r.status).toBe(0); // busybox exposes nothing: nothing to publish
    expect(e.berth(['port', 'pub']).stdout).toBe('');
    expect(e.berth(['rm', '-f', 'pub']).status).toBe(0);
  });
});

describe('user networks', () => {
  it('should let containers reach each other by name and alias, and other names resolve upstream', async () => {
    expect(e.berth(['network', 'create', 'appnet']).status).toBe(0);
    expect(
      e.berth([
        'run',
        '-d',
        '--name',
        'db',
        '--network',
        'appnet',
        '--network-alias',
        'database',
        'busybox',
        'sleep',
        '60',
      ]).status,
    ).toBe(0);
    const byName = e.berth([
      'run',
      '--rm',
      '--network',
      'appnet',
      'busybox',
      'ping',
      '-c',
      '1',
      '-W',
      '2',
      'db',
    ]);
    expect(byName.stdout).toContain('1 packets received');
    const byAlias = e.berth(['run', '--rm', '--network', 'appnet', 'busybox', 'nslookup', 'database']);
    expect(byAlias.stdout).toContain(inspect('db', '{{.NetworkSettings.Networks.appnet.IPAddress}}'));
    const unknown = e.berth(['run', '--rm', '--network', 'appnet', 'busybox', 'nslookup', 'nosuch.invalid']);
    expect(unknown.status).not.toBe(0);
    expect(JSON.parse(e.berth(['network', 'inspect', 'appnet']).stdout)[0].Containers).toBeDefined();
    const refused = e.berth(['network', 'rm', 'appnet']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('has active endpoints');
    expect(e.berth(['rm', '-f', 'db']).status).toBe(0);
    expect(e.berth(['network', 'rm', 'appnet']).stdout).toBe('appnet\n');
  });

  it('should run with --network none and host', () => {
    expect(e.berth(['run', '--rm', '--network', 'none', 'busybox', 'ls', '/sys/class/net']).stdout).toBe(
      'lo\n',
    );
    const host = e
      .berth(['run', '--rm', '--network', 'host', 'busybox', 'ls', '/sys/class/net'])
      .stdout.split('\n')
      .filter(Boolean);
    expect(host.sort()).toEqual(fs.readdirSync('/sys/class/net').sort());
  });
});

describe('volumes', () => {
  it("should keep a named volume's data after its container is removed", () => {
    expect(
      e.berth(['run', '--rm', '-v', 'keep:/data', 'busybox', 'sh', '-c', 'echo kept > /data/f']).status,
    ).toBe(0);
    expect(e.berth(['volume', 'ls', '-q']).stdout).toContain('keep\n');
    expect(e.berth(['run', '--rm', '-v', 'keep:/data:ro', 'busybox', 'cat', '/data/f']).stdout).toBe(
      'kept\n',
    );
    expect(e.berth(['run', '--rm', '-v', 'keep:/data:ro', 'busybox', 'touch', '/data/g']).status).not.toBe(0);
    const inUse = e.berth(['run', '-d', '--name', 'holder', '-v', 'keep:/data', 'busybox', 'sleep', '60']);
    expect(inUse.status).toBe(0);
    expect(e.berth(['volume', 'rm', 'keep']).stderr).toContain('volume is in use');
    expect(e.berth(['rm', '-f', 'holder']).status).toBe(0);
    expect(e.berth(['volume', 'rm', 'keep']).stdout).toBe('keep\n');
  });

  it('should bind host directories, read-only when asked', () => {
    const dir = path.join(e.tmp, 'bind');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'in'), 'from-host\n');
    const r = e.berth([
      'run',
      '--rm',
      '-v',
      `${dir}:/mnt`,
      'busybox',
      'sh',
      '-c',
      'cat /mnt/in; echo back > /mnt/out',
    ]);
    expect(r.stdout).toBe('from-host\n');
    expect(fs.readFileSync(path.join(dir, 'out'), 'utf8')).toBe('back\n');
    expect(e.berth(['run', '--rm', '-v', `${dir}:/mnt:ro`, 'busybox', 'touch', '/mnt/x']).status).not.toBe(0);
  });
});

describe('restart policies and health', () => {
  it('should restart on-failure:3 three times, then leave it exited', async () => {
    const id = e
      .berth(['run', '-d', '--restart', 'on-failure:3', 'busybox', 'sh', '-c', 'echo try; exit 1'])
      .stdout.trim();
    await until(
      'three restarts',
      () => inspect(id, '{{.RestartCount}} {{.State.Status}}') === '3 exited',
      20000,
    );
    await sleep(1000);
    expect(inspect(id, '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}')).toBe('3 exited 1');
    expect(e.berth(['logs', id]).stdout).toBe('try\ntry\ntry\ntry\n');
  });

  it('should report health going from starting to unhealthy to healthy', async () => {
    const id = e
      .berth([
        'run',
        '-d',
        '--health-cmd',
        'test -f /tmp/ok',
        '--health-interval',
        '300ms',
        '--health-retries',
        '1',
        'busybox',
        'sh',
        '-c',
        'sleep 1.5; touch /tmp/ok; sleep 60',
      ])
      .stdout.trim();
    const seen = new Set<string>();
    await until('healthy', () => {
      const status = inspect(id, '{{.State.Health.Status}}');
      seen.add(status);
      return status === 'healthy';
    });
    expect(seen.has('unhealthy')).toBe(true);
    expect(e.berth(['ps', '--filter', `id=${id}`, '--format', '{{.Status}}']).stdout).toMatch(
      /^Up .* \(healthy\)\n$/,
    );
    expect(e.berth(['rm', '-f', id]).status).toBe(0);
  });
});

describe('terminals', () => {
  /** Runs bin/berth under a pseudo-terminal (util-linux script), typing INPUT. */
  function underPty(args: string[], input: string) {
    const command = ['env', `BERTH_HOST=${e.host}`, path.resolve('bin/berth'), ...args]
      .map((a) => `'${a}'`)
      .join(' ');
    return spawnSync('script', ['-qefc', command, '/dev/null'], { input, encoding: 'utf8', timeout: 30000 });
  }

  it('should give run -it a real terminal and the exit code', () => {
    const r = underPty(['run', '-it', '--rm', 'busybox', 'sh'], 'tty; echo $((6*7)); exit 7\n');
    expect(r.stdout).toContain('/dev/pts/0');
    expect(r.stdout).toContain('42');
    expect(r.status).toBe(7);
  });

  it('should give exec -it a terminal in a running container', () => {
    expect(e.berth(['run', '-d', '--name', 'term', 'busybox', 'sleep', '60']).status).toBe(0);
    const r = underPty(['exec', '-it', 'term', 'sh'], 'tty; echo in-$(hostname); exit 4\n');
    expect(r.stdout).toMatch(/\/dev\/pts\/\d+/);
    expect(r.stdout).toContain(`in-${inspect('term', '{{.Config.Hostname}}')}`);
    expect(r.status).toBe(4);
    expect(e.berth(['exec', 'term', 'sh', '-c', 'exit 5']).status).toBe(5);
    expect(e.berth(['exec', '-i', 'term', 'cat'], { input: 'piped\n' }).stdout).toBe('piped\n');
    expect(e.berth(['rm', '-f', 'term']).status).toBe(0);
  });

  it('should feed run -i from stdin and end its input with ours', () => {
    expect(
      e.berth(['run', '-i', '--rm', 'busybox', 'sh', '-c', 'cat; echo done'], { input: 'line\n' }).stdout,
    ).toBe('line\ndone\n');
  });
});

describe('live restore', () => {
  it('should leave containers running across SIGKILL of the agent, and the new agent controls them', async () => {
    const ticker = e.berth([
      'run',
      '-d',
      '--name',
      'ticker',
      'busybox',
      'sh',
      '-c',
      'i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done',
    ]);
    expect(ticker.status).toBe(0);
    const flaky = e.berth([
      'run',
      '-d',
      '--name',
      'flaky',
      '--restart',
      'always',
      'busybox',
      'sh',
      '-c',
      'sleep 1; exit 1',
    ]);
    expect(flaky.status).toBe(0);
    const pid = Number(inspect('ticker', '{{.State.Pid}}'));
    await e.stopAgent('SIGKILL');
    await sleep(2000); // ticks go on, flaky exits with no agent watching
    expect(fs.existsSync(`/proc/${pid}`)).toBe(true);
    await e.start();
    expect(e.berth(['ps', '--format', '{{.Names}}']).stdout).toContain('ticker\n');
    expect(inspect('ticker', '{{.State.Status}} {{.State.Pid}}')).toBe(`running ${pid}`);
    const ticks = () =>
      e
        .berth(['logs', 'ticker'])
        .stdout.trim()
        .split('\n')
        .map((l) => Number(l.split(' ')[1]));
    const before = ticks();
    expect(before.length).toBeGreaterThan(8); // written while no agent ran
    expect(before).toEqual(before.map((_, i) => i)); // none lost
    const follow = e.spawnBerth(['logs', '-f', '--tail', '0', 'ticker']);
    let followed = '';
    follow.stdout!.on('data', (d: Buffer) => (followed += d.toString()));
    await until('followed ticks', () => followed.split('\n').length > 3);
    follow.kill();
    await until('flaky restarted by the new agent', () => Number(inspect('flaky', '{{.RestartCount}}')) >= 1);
    expect(e.berth(['stop', '-t', '1', 'ticker']).stdout).toBe('ticker\n');
    expect(inspect('ticker', '{{.State.Status}}')).toBe('exited');
    expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
    expect(e.berth(['rm', '-f', 'ticker', 'flaky']).status).toBe(0);
  });
});

describe('the rest of the verbs', () => {
  it('should stop, start, restart, pause, rename, wait, top, diff, commit, cp, export, stats', async () => {
    expect(
      e.berth(['run', '-d', '--name', 'svc', 'busybox', 'sh', '-c', 'echo hi > /made; sleep 60']).status,
    ).toBe(0);
    await until('the file', () => e.berth(['exec', 'svc', 'cat', '/made']).stdout === 'hi\n');
    expect(e.berth(['top', 'svc']).stdout).toMatch(/^UID +PID +PPID.*\n.*sleep 60/s);
    expect(e.berth(['diff', 'svc']).stdout).toContain('A /made\n');
    expect(e.berth(['pause', 'svc']).stdout).toBe('svc\n');
    expect(inspect('svc', '{{.State.Status}}')).toBe('paused');
    expect(e.berth(['unpause', 'svc']).stdout).toBe('svc\n');
    const local = path.join(e.tmp, 'made');
    expect(e.berth(['cp', 'svc:/made', local]).status).toBe(0);
    expect(fs.readFileSync(local, 'utf8')).toBe('hi\n');
    fs.writeFileSync(local, 'changed\n');
    expect(e.berth(['cp', local, 'svc:/tmp/']).status).toBe(0);
    expect(e.berth(['exec', 'svc', 'cat', '/tmp/made']).stdout).toBe('changed\n');
    const committed = e.berth(['commit', '-c', 'CMD ["cat", "/made"]', 'svc', 'snap:1']);
    expect(committed.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(e.berth(['run', '--rm', 'snap:1']).stdout).toBe('hi\n');
    const stats = e.berth(['stats', '--no-stream', 'svc']);
    expect(stats.stdout).toMatch(
      /^CONTAINER ID +NAME +CPU % +MEM USAGE \/ LIMIT +MEM % +NET I\/O +BLOCK I\/O +PIDS\n[0-9a-f]{12} +svc +/,
    );
    expect(e.berth(['rename', 'svc', 'svc2']).status).toBe(0);
    expect(e.berth(['restart', '-t', '1', 'svc2']).stdout).toBe('svc2\n');
    expect(inspect('svc2', '{{.State.Status}} {{.RestartCount}}')).toMatch(/^running/);
    expect(e.berth(['stop', '-t', '1', 'svc2']).stdout).toBe('svc2\n');
    expect(e.berth(['wait', 'svc2']).stdout).toBe('137\n');
    const tar = path.join(e.tmp, 'export.tar');
    expect(e.berth(['export', '-o', tar, 'svc2']).status).toBe(0);
    expect(spawnSync('tar', ['-tf', tar], { encoding: 'utf8' }).stdout.split('\n')).toContain('made');
    expect(e.berth(['start', 'svc2']).stdout).toBe('svc2\n');
    expect(e.berth(['rm', 'svc2']).stderr).toContain('You cannot remove a running container');
    expect(e.berth(['rm', '-f', 'svc2']).stdout).toBe('svc2\n');
    expect(e.berth(['rmi', 'snap:1']).status).toBe(0);
  });

  it('should list with filters, formats and ids, and show events', async () => {
    const events = e.spawnBerth([
      'events',
      '--filter',
      'type=container',
      '--format',
      '{{.Action}} {{.Actor.Attributes.name}}',
    ]);
    let seen = '';
    events.stdout!.on('data', (d: Buffer) => (seen += d.toString()));
    await sleep(300);
    expect(e.berth(['run', '--name', 'listed', '-l', 'team=a', 'busybox', 'true']).status).toBe(0);
    expect(
      e.berth(['ps', '-a', '--filter', 'label=team=a', '--format', '{{.Names}}:{{.State}}']).stdout,
    ).toBe('listed:exited\n');
    expect(e.berth(['ps', '-a', '--filter', 'status=exited', '-q']).stdout).toMatch(/^[0-9a-f]{12}\n/);
    const json = JSON.parse(e.berth(['ps', '-a', '--filter', 'name=listed', '--format', 'json']).stdout);
    expect(json).toMatchObject({ Names: 'listed', Image: 'busybox', State: 'exited' });
    await until('events', () => seen.includes('die listed'));
    expect(seen).toMatch(/create listed\nstart listed\ndie listed\n/);
    events.kill();
    expect(e.berth(['rm', 'listed']).status).toBe(0);
    expect(e.berth(['info', '--format', '{{.Driver}} {{.LoggingDriver}}']).stdout).toBe(
      'overlay2 json-file\n',
    );
    expect(e.berth(['system', 'df']).stdout).toMatch(/^TYPE +TOTAL +ACTIVE +SIZE\nImages +/);
  });
});

describe('cleanliness', () => {
  it('should leave no mounts, cgroups, veths, namespaces or processes once its containers are gone', async () => {
    const ids = e.berth(['ps', '-aq']).stdout.split('\n').filter(Boolean);
    if (ids.length) expect(e.berth(['rm', '-f', ...ids]).status).toBe(0);
    await sleep(200);
    expect(e.leftovers()).toEqual([]);
  });
});
