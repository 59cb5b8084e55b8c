/**
 * Berth's Docker API through dockerode (the Docker SDK most Node programs use), against a real
 * berthd: the same scenarios the docker clients run — a container run attached with its output
 * and exit code, exec, logs, images, networks, volumes and events.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import Docker from 'dockerode';
import { EngineHarness } from '@berth/testing';

jest.setTimeout(60000);

let e: EngineHarness;
let docker: Docker;
const IMAGE = 'busybox';
beforeAll(async () => {
  e = new EngineHarness('dockerode');
  await e.start();
  e.importBusybox();
  docker = new Docker({ socketPath: path.join(e.execRoot, 'docker.sock') });
});
afterAll(() => e.cleanup());

/** PROMISE, failing after MS with the name of the step that did not finish (a hang says where). */
function step<T>(name: string, promise: Promise<T>, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Collects a stream's text until it ends. */
function collect(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.on('data', (d: Buffer) => (text += d.toString()));
    stream.on('end', () => resolve(text));
    stream.on('error', reject);
  });
}

describe('dockerode against berthd', () => {
  it('should ping and read the version', async () => {
    expect(String(await docker.ping())).toBe('OK');
    const v = await docker.version();
    expect(v.ApiVersion).toBe('1.50');
    expect(v.Os).toBe('linux');
  });

  it('should run a container attached: its stdout and stderr apart, and its exit code', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    const texts = Promise.all([collect(out), collect(err)]);
    const [result, container] = (await docker.run(
      IMAGE,
      ['sh', '-c', 'echo hi; echo oops >&2; exit 4'],
      [out, err],
      {
        Tty: false,
      },
    )) as [{ StatusCode: number }, Docker.Container];
    out.end();
    err.end();
    expect(result.StatusCode).toBe(4);
    expect(await texts).toEqual(['hi\n', 'oops\n']);
    const info = await container.inspect();
    expect(info.State.Status).toBe('exited');
    expect(info.State.ExitCode).toBe(4);
    await container.remove();
  });

  it("should exec in a running container, read its output and its exit code, and read the container's logs", async () => {
    const c = await step(
      'create',
      docker.createContainer({ Image: IMAGE, Cmd: ['sh', '-c', 'echo started; sleep 300'] }),
    );
    await step('start', c.start());
    try {
      const exec = await step(
        'exec create',
        c.exec({
          Cmd: ['sh', '-c', 'echo from-exec; exit 6'],
          AttachStdout: true,
          AttachStderr: true,
        }),
      );
      const stream = await step('exec start', exec.start({ hijack: true, stdin: false }));
      const out = new PassThrough();
      const done = collect(out);
      c.modem.demuxStream(stream, out, new PassThrough());
      await step('the exec stream to end', new Promise((resolve) => stream.on('end', resolve)));
      out.end();
      expect(await done).toBe('from-exec\n');
      expect((await step('exec inspect', exec.inspect())).ExitCode).toBe(6);
      const logs = (await step(
        'logs',
        c.logs({ stdout: true, stderr: true, follow: false }),
      )) as unknown as Buffer;
      expect(logs.subarray(8).toString()).toBe('started\n');
      expect(logs[0]).toBe(1);
    } finally {
      await step('remove', c.remove({ force: true }));
    }
  });

  it('should list and inspect images', async () => {
    const images = await docker.listImages();
    expect(images.some((i) => i.RepoTags?.includes('busybox:latest'))).toBe(true);
    const inspected = await docker.getImage('busybox').inspect();
    expect(inspected.Id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('should build an image from a Dockerfile, following its progress, and run it', async () => {
    const dir = fs.mkdtempSync(path.join(e.execRoot, 'sdk-build-'));
    fs.writeFileSync(
      path.join(dir, 'Dockerfile'),
      'FROM busybox\nRUN echo built > /built\nCMD ["cat", "/built"]\n',
    );
    const stream = await docker.buildImage({ context: dir, src: ['Dockerfile'] }, { t: 'sdk-built:1' });
    const messages = await new Promise<{ stream?: string; aux?: { ID?: string } }[]>((resolve, reject) =>
      docker.modem.followProgress(
        stream,
        (error: Error | null, result: { stream?: string; aux?: { ID?: string } }[]) =>
          error ? reject(error) : resolve(result),
      ),
    );
    expect(messages.some((m) => m.aux?.ID?.startsWith('sha256:'))).toBe(true);
    expect(messages.map((m) => m.stream ?? '').join('')).toContain('Successfully tagged sdk-built:1');
    const out = new PassThrough();
    const text = collect(out);
    const [result] = (await docker.run('sdk-built:1', [], out, {
      Tty: true,
      HostConfig: { AutoRemove: true },
    })) as [{ StatusCode: number }];
    out.end();
    expect(result.StatusCode).toBe(0);
    expect((await text).replace(/\r/g, '')).toBe('built\n');
  });

  it('should make and remove a network and a volume, and show their events', async () => {
    const since = Math.floor(Date.now() / 1000);
    const network = await docker.createNetwork({ Name: 'dockerode-net' });
    expect((await network.inspect()).Name).toBe('dockerode-net');
    expect((await docker.listNetworks()).map((n) => n.Name)).toContain('dockerode-net');
    const volume = await docker.createVolume({ Name: 'dockerode-vol' });
    expect((await docker.listVolumes()).Volumes.map((v) => v.Name)).toContain('dockerode-vol');
    await network.remove();
    await docker.getVolume(volume.name).remove();
    const until = Math.ceil(Date.now() / 1000) + 1;
    const events = await collect(await docker.getEvents({ since, until }));
    const seen = events
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { Type: string; Action: string })
      .map((ev) => `${ev.Type} ${ev.Action}`);
    expect(seen).toEqual(
      expect.arrayContaining(['network create', 'volume create', 'network destroy', 'volume destroy']),
    );
  });

  it("should say what is wrong in dockerd's words", async () => {
    await expect(docker.getContainer('no-such-thing').inspect()).rejects.toMatchObject({
      statusCode: 404,
      json: { message: 'No such container: no-such-thing' },
    });
  });
});
