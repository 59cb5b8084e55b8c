/**
 * A real berthd's logs and metrics: with stdout a pipe it writes JSON lines only (level, time,
 * msg, component; no terminal escapes), and with --metrics-addr it serves /metrics whose
 * per-container and image-pull numbers follow what the engine did.
 */
import { EngineHarness, freePort, jsonLines, scrape, until, valueOf, valuesOf } from '@berth/testing';

jest.setTimeout(120_000);

let e: EngineHarness;
let metricsUrl: string;
beforeAll(async () => {
  e = new EngineHarness('observe');
  const port = await freePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  await e.start(['--log-level', 'debug', '--metrics-addr', `127.0.0.1:${port}`]);
  e.importBusybox();
});
afterAll(() => e.cleanup());

describe('berthd logs', () => {
  it('should write every line as JSON with level, time, msg and component, and no terminal escape', () => {
    expect(e.berth(['run', '--rm', 'busybox', 'true']).status).toBe(0);
    const log = e.log;
    expect(log).not.toContain('\x1b[');
    const records = jsonLines(log);
    expect(records.length).toBeGreaterThan(3);
    for (const r of records) {
      expect(r).toMatchObject({ program: 'berthd', pid: e.pid });
      expect(['debug', 'info', 'warn', 'error', 'fatal']).toContain(r.level);
      expect(typeof r.msg).toBe('string');
      expect(Number.isNaN(Date.parse(r.time as string))).toBe(false);
    }
    expect(records).toContainEqual(
      expect.objectContaining({
        level: 'info',
        component: 'grpc',
        msg: `serving the engine API on ${e.host}`,
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({ component: 'metrics', msg: `serving metrics on ${metricsUrl}` }),
    );
    // Nest's own records (the module loader's) come through the same logger, their context as component
    expect(records.every((r) => typeof r.component === 'string')).toBe(true);
  });
});

describe('berthd metrics', () => {
  it('should stop, saying so in a JSON record, when its metrics address is taken', async () => {
    const other = new EngineHarness('observe2');
    try {
      const taken = new URL(metricsUrl).host;
      const failed = await other.start(['--metrics-addr', taken]).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(failed).toMatch(/^berthd exited with 1:/);
      const records = jsonLines(other.log);
      expect(records[records.length - 1]).toMatchObject({
        level: 'fatal',
        component: 'main',
        msg: `stopped: cannot serve metrics on ${taken}: EADDRINUSE; give --metrics-addr a free HOST:PORT of this machine`,
      });
    } finally {
      await other.cleanup();
    }
  });

  it('should serve Prometheus text on /metrics and nothing elsewhere', async () => {
    const { contentType, text } = await scrape(metricsUrl);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^# HELP berth_image_pulls_total /m);
    expect(text).toMatch(/^# TYPE berth_container_cpu_seconds_total counter$/m);
    expect(valueOf(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    const other = await fetch(metricsUrl.replace('/metrics', '/'));
    expect(other.status).toBe(404);
  });

  it("should give a running container's CPU, memory, network and restarts under its id and name", async () => {
    const gateway = e.bridgeSubnet.replace(/0\/24$/, '1');
    const run = e.berth([
      'run',
      '-d',
      '--name',
      `obs-${e.tag}`,
      '--restart',
      'always',
      'busybox',
      'sh',
      '-c',
      `ping -c 2 -W 1 ${gateway} >/dev/null; i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; exit 3`,
    ]);
    expect(run.status).toBe(0);
    const id = run.stdout.trim();
    const labels = { container: id, name: `obs-${e.tag}` };
    // each run pings the bridge and burns CPU, then exits and the engine restarts it (a new
    // cgroup and network counters each run: the counters start again, as Prometheus allows)
    const text = await until(
      'a restarted run of the container that has used CPU and the network, in its metrics',
      async () => (await scrape(metricsUrl)).text,
      (text) =>
        valuesOf(text, 'berth_container_restarts_total', labels).some((n) => n >= 1) &&
        valuesOf(text, 'berth_container_cpu_seconds_total', labels).some((n) => n > 0.05) &&
        valuesOf(text, 'berth_container_network_transmit_bytes_total', labels).some((n) => n > 0),
    );
    expect(valueOf(text, 'berth_container_memory_bytes', labels)).toBeGreaterThan(0);
    expect(valueOf(text, 'berth_container_network_receive_bytes_total', labels)).toBeGreaterThan(0);
    expect(
      valueOf(text, 'berth_container_cpu_seconds_total', { ...labels, service: '', task: '' }),
    ).toBeGreaterThan(0);
    expect(valueOf(text, 'berth_containers', { state: 'running' })).toBe(1);
    expect(e.berth(['rm', '-f', id]).status).toBe(0);
    const after = (await scrape(metricsUrl)).text;
    expect(valuesOf(after, 'berth_container_cpu_seconds_total', labels)).toEqual([]);
    expect(valuesOf(after, 'berth_containers', { state: 'running' })).toEqual([]);
  });

  it('should count image pulls, the failed ones as errors, and time them', async () => {
    const before = (await scrape(metricsUrl)).text;
    const port = await freePort(); // nothing listens there
    expect(e.berth(['pull', `127.0.0.1:${port}/nothing:latest`]).status).not.toBe(0);
    const after = (await scrape(metricsUrl)).text;
    const delta = (name: string) => valueOf(after, name) - valueOf(before, name);
    expect(delta('berth_image_pulls_total')).toBe(1);
    expect(delta('berth_image_pull_errors_total')).toBe(1);
    expect(delta('berth_image_pull_duration_seconds_count')).toBe(1);
  });
});
