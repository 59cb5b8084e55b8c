import { berth } from '@berth/proto';
import { InvalidArgumentError } from '../errors';
import { containerRequest } from './request';
import { execRequestFromProto, requestFromProto } from './request-proto';

const wire = (fields: Record<string, unknown>) =>
  requestFromProto(
    berth.engine.v1.ContainerSpec.decode(
      berth.engine.v1.ContainerSpec.encode({ image: 'busybox', ...fields }).finish(),
    ),
  );

describe(requestFromProto.name, () => {
  it('should read an empty message as the defaults: the image decides', () => {
    expect(wire({})).toEqual(containerRequest('busybox'));
  });

  it("should keep the image's entrypoint unless one is set, and clear it with an empty one", () => {
    expect(wire({ entrypoint: ['x'] }).entrypoint).toBeNull();
    expect(wire({ entrypoint: ['sh', '-c'], entrypointSet: true }).entrypoint).toEqual(['sh', '-c']);
    expect(wire({ entrypoint: [''], entrypointSet: true }).entrypoint).toEqual([]);
  });

  it('should turn nanoseconds and seconds into milliseconds', () => {
    const r = wire({
      healthcheck: {
        test: ['CMD', 'true'],
        intervalNs: 2_000_000_000,
        timeoutNs: 1_500_000,
        startPeriodNs: 0,
        retries: 2,
      },
      stopTimeoutS: 7,
      stopTimeoutSet: true,
    });
    expect(r.healthcheck).toEqual({
      test: ['CMD', 'true'],
      intervalMs: 2000,
      timeoutMs: 2,
      startPeriodMs: 0,
      retries: 2,
    });
    expect(r.stopTimeoutMs).toBe(7000);
    expect(wire({ stopTimeoutS: 7 }).stopTimeoutMs).toBeNull();
  });

  it('should read sysctls, ulimits, endpoints and credentials into their shapes', () => {
    const r = wire({
      sysctls: ['net.core.somaxconn=1024', 'kernel.msgmax=a=b'],
      ulimits: ['nofile=1024:2048'],
      endpoints: [{ network: 'net-1', ipv4Address: '10.0.1.5/24' }],
      pullMissing: true,
      auth: { username: 'u', password: 'p' },
    });
    expect(r.sysctls).toEqual({ 'net.core.somaxconn': '1024', 'kernel.msgmax': 'a=b' });
    expect(r.ulimits).toEqual([{ name: 'nofile', soft: 1024, hard: 2048 }]);
    expect(r.endpoints).toEqual([{ network: 'net-1', address: '10.0.1.5/24', aliases: [] }]);
    expect(r.pull).toEqual({ missing: true, auth: { username: 'u', password: 'p' } });
  });

  it.each([
    [{ restart: { name: 'sometimes' } }, 'invalid restart policy "sometimes"'],
    [{ mounts: [{ type: 'nfs', target: '/x' }] }, 'mount type "nfs" is not supported'],
    [{ ports: [{ containerPort: 70000 }] }, 'invalid container port 70000'],
    [{ ports: [{ hostPort: 80 }] }, 'invalid container port 0'],
    [{ ulimits: ['files=1'] }, 'invalid ulimit "files=1"'],
  ])('should refuse %o', (fields, message) => {
    expect(() => wire(fields)).toThrow(InvalidArgumentError);
    expect(() => wire(fields)).toThrow(message);
  });
});

describe(execRequestFromProto.name, () => {
  it('should give a terminal 24x80 unless the client gave its size, and pipes without -t', () => {
    const start = (fields: Record<string, unknown>) =>
      execRequestFromProto(
        berth.engine.v1.ExecStart.decode(
          berth.engine.v1.ExecStart.encode({ id: 'c', cmd: ['sh'], ...fields }).finish(),
        ),
      );
    expect(start({ tty: true }).terminal).toEqual({ rows: 24, cols: 80 });
    expect(start({ tty: true, size: { rows: 50, cols: 200 } }).terminal).toEqual({ rows: 50, cols: 200 });
    expect(start({ env: ['A=1'], user: 'nobody', workingDir: '/tmp' })).toEqual({
      cmd: ['sh'],
      env: ['A=1'],
      workingDir: '/tmp',
      user: 'nobody',
      terminal: null,
    });
  });
});
