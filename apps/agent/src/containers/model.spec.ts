import {
  generateName,
  isValidName,
  matchesFilters,
  parseRestartPolicy,
  restartDelayMs,
  shouldRestart,
  statusText,
  type ContainerRecord,
} from './model';

function record(
  over: Partial<ContainerRecord['state']> = {},
  extra: Partial<ContainerRecord> = {},
): ContainerRecord {
  return {
    id: 'abcdef0123456789'.repeat(4),
    name: 'web',
    created: '2026-01-01T00:00:00Z',
    image: 'busybox',
    imageId: 'sha256:1234',
    imageManifest: 'sha256:5678',
    path: 'sh',
    args: [],
    config: {
      env: [],
      workingDir: '/',
      user: '',
      hostname: 'abcdef012345',
      labels: { tier: 'front' },
      tty: false,
      openStdin: false,
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 10_000,
      exposedPorts: [],
      healthcheck: null,
      entrypoint: [],
      cmd: ['sh'],
    },
    hostConfig: {} as ContainerRecord['hostConfig'],
    mounts: [],
    state: {
      status: 'running',
      pid: 1,
      exitCode: 0,
      oomKilled: false,
      error: '',
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '',
      health: null,
      ...over,
    },
    restartCount: 0,
    manuallyStopped: false,
    boundPorts: [],
    networks: [],
    ...extra,
  };
}

const NOW = Date.parse('2026-01-01T00:03:00Z');

describe('statusText', () => {
  it.each<[Partial<ContainerRecord['state']>, string]>([
    [{}, 'Up 3 minutes'],
    [{ status: 'exited', exitCode: 2, finishedAt: '2026-01-01T00:02:55Z' }, 'Exited (2) 5 seconds ago'],
    [{ status: 'created' }, 'Created'],
    [{ status: 'paused' }, 'Up 3 minutes (Paused)'],
    [{ health: { status: 'healthy', failingStreak: 0, log: [] } }, 'Up 3 minutes (healthy)'],
    [{ health: { status: 'starting', failingStreak: 0, log: [] } }, 'Up 3 minutes (health: starting)'],
    [
      { status: 'restarting', exitCode: 1, finishedAt: '2026-01-01T00:02:59Z' },
      'Restarting (1) 1 second ago',
    ],
  ])('should show %p as %p', (state, text) => {
    expect(statusText(record(state), NOW)).toBe(text);
  });
});

describe('matchesFilters', () => {
  it('should AND keys and OR values', () => {
    const c = record();
    expect(matchesFilters(c, ['name=we', 'status=running'])).toBe(true);
    expect(matchesFilters(c, ['status=exited', 'status=running'])).toBe(true);
    expect(matchesFilters(c, ['status=exited'])).toBe(false);
    expect(matchesFilters(c, ['label=tier=front', 'id=abcdef'])).toBe(true);
    expect(matchesFilters(c, ['label=tier=back'])).toBe(false);
    expect(matchesFilters(record({ status: 'exited', exitCode: 3 }), ['exited=3'])).toBe(true);
    expect(matchesFilters(c, ['ancestor=busybox'])).toBe(true);
  });
});

describe('restart policies', () => {
  it('should restart as Docker does', () => {
    const onFailure3 = parseRestartPolicy('on-failure:3');
    expect(shouldRestart(onFailure3, 1, 2, false)).toBe(true);
    expect(shouldRestart(onFailure3, 1, 3, false)).toBe(false);
    expect(shouldRestart(onFailure3, 0, 0, false)).toBe(false);
    expect(shouldRestart(parseRestartPolicy('on-failure'), 1, 100, false)).toBe(true);
    expect(shouldRestart(parseRestartPolicy('always'), 0, 100, false)).toBe(true);
    expect(shouldRestart(parseRestartPolicy('always'), 0, 0, true)).toBe(false);
    expect(shouldRestart(parseRestartPolicy('no'), 1, 0, false)).toBe(false);
  });

  it('should back off by doubling to a minute, and start over after 10 s of running', () => {
    let delay = 0;
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) delays.push((delay = restartDelayMs(delay, 50)));
    expect(delays.slice(0, 4)).toEqual([100, 200, 400, 800]);
    expect(delays.at(-1)).toBe(60000);
    expect(restartDelayMs(60000, 10000)).toBe(100);
  });

  it('should refuse policies Docker refuses', () => {
    expect(() => parseRestartPolicy('always:3')).toThrow('maximum retry count cannot be used');
    expect(() => parseRestartPolicy('sometimes')).toThrow('use no, always, unless-stopped or on-failure');
    expect(() => parseRestartPolicy('on-failure:x')).toThrow('whole number');
  });
});

describe('names', () => {
  it('should accept Docker names and make up free ones', () => {
    expect(isValidName('web-1.blue_x')).toBe(true);
    expect(isValidName('-bad')).toBe(false);
    expect(isValidName('a')).toBe(false);
    const taken = new Set(['admiring_albattani']);
    expect(generateName(taken, () => 0)).not.toBe('admiring_albattani');
    expect(generateName(new Set(), () => 0)).toBe('admiring_albattani');
  });
});
