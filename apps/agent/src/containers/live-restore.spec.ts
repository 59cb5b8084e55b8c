import type { ExitInfo } from '@berth/runtime';
import { restoreStep, type RuntimeTrace } from './live-restore';
import type { ContainerRecord } from './model';
import { containerRecord, containerState } from './testing';

const NOW = new Date('2026-12-07T12:00:00Z');
const EXIT: ExitInfo = {
  exitCode: 7,
  signal: 0,
  finishedAt: new Date('2026-12-07T11:00:00Z'),
  oomKilled: false,
} as ExitInfo;

function c(
  status: ContainerRecord['state']['status'],
  policy: ContainerRecord['hostConfig']['restart']['name'] = 'no',
  manuallyStopped = false,
) {
  const r = containerRecord('id', 'name', {}, containerState(status));
  r.hostConfig.restart = { name: policy, maximumRetryCount: 0 };
  r.manuallyStopped = manuallyStopped;
  return r;
}

const running: RuntimeTrace = { status: 'running', exit: null };
const paused: RuntimeTrace = { status: 'paused', exit: null };
const stopped: RuntimeTrace = { status: 'stopped', exit: EXIT };

describe(restoreStep.name, () => {
  it('should finish a removal whatever the runtime says', () => {
    for (const trace of [running, stopped, null])
      expect(restoreStep(c('removing'), trace, NOW)).toEqual({ kind: 'finish-removal' });
  });

  it.each([
    ['running', running, 'running'],
    ['paused', paused, 'paused'],
    ['running', paused, 'paused'],
    ['restarting', running, 'running'],
    ['created', running, 'running'],
  ] as const)('should adopt a %s container the runtime has %o', (status, trace, as) => {
    expect(restoreStep(c(status), trace, NOW)).toEqual({ kind: 'adopt', status: as });
  });

  it('should undo a container the last agent only readied', () => {
    expect(restoreStep(c('created'), { status: 'created', exit: null }, NOW)).toEqual({ kind: 'unready' });
    expect(restoreStep(c('created'), null, NOW)).toEqual({ kind: 'unready' });
  });

  it.each(['running', 'paused', 'restarting'] as const)(
    'should handle the exit of a %s container that ended unseen, as the runtime recorded it',
    (status) => {
      expect(restoreStep(c(status), stopped, NOW)).toEqual({ kind: 'handle-exit', exit: EXIT });
    },
  );

  it('should count a container the runtime has no trace of as ended with 255 now', () => {
    expect(restoreStep(c('running'), null, NOW)).toEqual({
      kind: 'handle-exit',
      exit: { exitCode: 255, signal: 0, finishedAt: NOW, oomKilled: false },
    });
  });

  it.each([
    ['always', false, 'start'],
    ['always', true, 'start'],
    ['unless-stopped', false, 'start'],
    ['unless-stopped', true, 'none'],
    ['on-failure', false, 'none'],
    ['no', false, 'none'],
  ] as const)(
    'should, for an exited container with policy %s (stopped by hand: %s), %s',
    (policy, byHand, kind) => {
      expect(restoreStep(c('exited', policy, byHand), stopped, NOW)).toEqual({ kind });
    },
  );

  it('should leave a dead container alone', () => {
    expect(restoreStep(c('dead', 'always'), null, NOW)).toEqual({ kind: 'none' });
  });
});
