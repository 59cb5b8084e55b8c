import { makeService, makeTask } from '@berth/cluster/testing';
import type { Task } from '@berth/cluster';
import { crashLoopReport, currentCrashLoop, waitingLines } from './progress';

const web = makeService({ id: 'web', replicas: 3 });

function held(slot: number, reason: string): Task {
  const task = makeTask({ service: web, id: `h${slot}`, slot, state: 'pending' });
  task.waitingForDependencies = true;
  task.status.err = reason;
  return task;
}

function endedQuickly(id: string, end: number, specVersion = web.specVersion): Task {
  const task = makeTask({ service: web, id, state: 'complete', specVersion });
  task.status = { ...task.status, timestamp: end, startedAt: end - 100, exitCode: 0 };
  return task;
}

describe('waitingLines', () => {
  it('should say once per reason why tasks wait, with the first task and how many more', () => {
    const unplaceable = makeTask({
      service: web,
      id: 'u3',
      slot: 3,
      state: 'pending',
      message: 'no suitable node (no nodes in the cluster)',
      rejections: [{ filter: 'nodes', rejected: 0, examined: 0 }],
    });
    expect(
      waitingLines([
        held(2, 'waiting for db: 0 of 1 running'),
        held(1, 'waiting for db: 0 of 1 running'),
        unplaceable,
      ]),
    ).toEqual([
      'web.1: waiting for db: 0 of 1 running (and 1 more)',
      'web.3: no suitable node (no nodes in the cluster)',
    ]);
  });

  it('should say nothing for tasks on their way (pending for the scheduler, or running)', () => {
    expect(
      waitingLines([
        makeTask({ service: web, state: 'pending' }),
        makeTask({ service: web, state: 'pending', slot: 2, message: 'no suitable node (words alone)' }),
        makeTask({ service: web, state: 'running' }),
      ]),
    ).toEqual([]);
  });
});

describe('currentCrashLoop and crashLoopReport', () => {
  it("should see the current spec's tasks ending five times in a row, and word it with the last log lines", () => {
    const tasks = [1, 2, 3, 4, 5].map((i) => endedQuickly(`t${i}`, i * 1000));
    const loop = currentCrashLoop(web, tasks)!;
    expect(loop.last.id).toBe('t5');
    expect(crashLoopReport(web, loop, ['starting', 'config missing: /etc/app.conf'])).toBe(
      [
        'web: its tasks keep ending: the last 5 each ended within 10 s of starting, so it will not converge.',
        '  last task: web.1 (t5): Complete (exit 0)',
        '  its last log lines:',
        '    starting',
        '    config missing: /etc/app.conf',
        '  see: berth service ps web; berth service logs web',
        '',
      ].join('\n'),
    );
  });

  it('should leave the ends of an older spec to the rollout', () => {
    const tasks = [1, 2, 3, 4, 5].map((i) => endedQuickly(`t${i}`, i * 1000, web.specVersion - 1));
    expect(currentCrashLoop(web, tasks)).toBeNull();
  });
});
