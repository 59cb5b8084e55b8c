import { eventsBetween, keepLatest, type DashboardEvent } from './events';
import type { DashboardView, MachineView, ServiceView, TaskView } from './view';

const machine = (over: Partial<MachineView> = {}): MachineView => ({
  id: 'n1',
  hostname: 'm1',
  role: 'worker',
  availability: 'active',
  state: 'ready',
  addr: '10.0.0.1',
  tasks: [],
  ...over,
});
const service = (over: Partial<ServiceView> = {}): ServiceView => ({
  id: 's1',
  name: 'web',
  image: 'busybox',
  mode: 'replicated',
  desired: 1,
  running: 1,
  ...over,
});
const task = (over: Partial<TaskView> = {}): TaskView => ({
  id: 't1',
  name: 'web.1',
  serviceId: 's1',
  nodeId: 'n1',
  state: 'running',
  desiredState: 'running',
  message: '',
  current: true,
  ...over,
});
const view = (parts: Partial<DashboardView> = {}): DashboardView => ({
  revision: 9,
  manager: { addr: 'a:1', leader: true, leaderAddr: 'a:1' },
  machines: [],
  services: [],
  unplaced: [],
  ...parts,
});

const texts = (events: DashboardEvent[]) => events.map((e) => `${e.kind} ${e.subject}: ${e.text}`);

describe('dashboard events', () => {
  describe(eventsBetween.name, () => {
    it('should tell nothing about the first view', () => {
      expect(eventsBetween(null, view({ machines: [machine()] }), 1)).toEqual([]);
    });

    it('should tell nothing when nothing it shows changed', () => {
      const same = view({ machines: [machine({ tasks: [task()] })], services: [service({ running: 1 })] });
      expect(eventsBetween(same, view({ ...same, services: [service({ running: 1 })] }), 1)).toEqual([]);
    });

    it('should stamp each event with the time seen and the revision of the view', () => {
      const events = eventsBetween(view(), view({ revision: 12, machines: [machine()] }), 555);
      expect(events).toEqual([
        { at: 555, revision: 12, kind: 'machine', subject: 'm1', text: 'joined as a worker (ready)' },
      ]);
    });

    it('should tell machines that go down, change availability or role, and leave', () => {
      const before = view({
        machines: [machine(), machine({ id: 'n2', hostname: 'm2' }), machine({ id: 'n3', hostname: 'm3' })],
      });
      const after = view({
        machines: [machine({ state: 'down' }), machine({ id: 'n2', hostname: 'm2', availability: 'drain' })],
      });
      expect(texts(eventsBetween(before, after, 1))).toEqual([
        'machine m1: is down (was ready)',
        'machine m2: availability drain (was active)',
        'machine m3: left the cluster',
      ]);
      const promoted = view({ machines: [machine({ role: 'manager' })] });
      expect(texts(eventsBetween(view({ machines: [machine()] }), promoted, 1))).toEqual([
        'machine m1: is now a manager',
      ]);
    });

    it('should tell services created, scaled and removed, not their running counts', () => {
      const before = view({ services: [service(), service({ id: 's2', name: 'db' })] });
      const after = view({
        services: [
          service({ desired: 3, running: 2 }),
          service({ id: 's3', name: 'cache', image: 'redis', desired: 2 }),
        ],
      });
      expect(texts(eventsBetween(before, after, 1))).toEqual([
        'service web: scaled to 3 (was 1)',
        'service cache: created: 2 × redis',
        'service db: removed',
      ]);
    });

    it('should tell a rollout when its state changes or a new one starts, not as it advances', () => {
      const rollout = {
        state: 'updating' as const,
        message: '',
        startedAt: 10,
        completedAt: 0,
        updated: 0,
        desired: 2,
      };
      const started = view({ services: [service({ rollout })] });
      expect(texts(eventsBetween(view({ services: [service()] }), started, 1))).toEqual([
        'rollout web: rollout updating',
      ]);
      const advanced = view({ services: [service({ rollout: { ...rollout, updated: 1 } })] });
      expect(eventsBetween(started, advanced, 1)).toEqual([]);
      const done = view({
        services: [service({ rollout: { ...rollout, state: 'rollback_completed', message: 'rolled back' } })],
      });
      expect(texts(eventsBetween(advanced, done, 1))).toEqual([
        'rollout web: rollout rollback completed: rolled back',
      ]);
      const again = view({
        services: [service({ rollout: { ...rollout, state: 'rollback_completed', startedAt: 20 } })],
      });
      expect(texts(eventsBetween(done, again, 1))).toEqual(['rollout web: rollout rollback completed']);
    });

    it('should tell tasks that change state or machine, with where and why, and tasks gone', () => {
      const before = view({
        machines: [machine({ tasks: [task(), task({ id: 't2', name: 'web.2', state: 'preparing' })] })],
        unplaced: [task({ id: 't3', name: 'web.3', nodeId: '', state: 'pending' })],
      });
      const after = view({
        machines: [
          machine({
            tasks: [
              task({ id: 't2', name: 'web.2', state: 'running', message: 'started' }),
              task({ id: 't3', name: 'web.3', state: 'assigned' }),
            ],
          }),
        ],
        unplaced: [
          task({ id: 't4', name: 'web.4', nodeId: '', state: 'pending', message: 'no suitable node' }),
        ],
      });
      expect(texts(eventsBetween(before, after, 1))).toEqual([
        'task web.2: running on m1 (started)',
        'task web.3: assigned on m1',
        'task web.4: pending (no suitable node)',
        'task web.1: gone on m1 (ended or removed)',
      ]);
    });

    it("should name a machine gone from the view by what the earlier view knew, else by its id's start", () => {
      const before = view({ machines: [machine({ tasks: [task()] })] });
      expect(texts(eventsBetween(before, view(), 1))).toContain('task web.1: gone on m1 (ended or removed)');
      const stranger = view({ unplaced: [task({ nodeId: 'abcdefghijklmnop', state: 'assigned' })] });
      expect(texts(eventsBetween(view(), stranger, 1))).toEqual(['task web.1: assigned on abcdefghijkl']);
    });
  });

  describe(keepLatest.name, () => {
    const event = (n: number): DashboardEvent => ({
      at: n,
      revision: n,
      kind: 'task',
      subject: `t${n}`,
      text: '',
    });

    it('should put the fresh events first, the last of them first', () => {
      expect(keepLatest([event(2), event(1)], [event(3), event(4)]).map((e) => e.at)).toEqual([4, 3, 2, 1]);
    });

    it('should keep only the newest LIMIT', () => {
      expect(keepLatest([event(2), event(1)], [event(3)], 2).map((e) => e.at)).toEqual([3, 2]);
      expect(keepLatest([], [event(1), event(2), event(3)], 2).map((e) => e.at)).toEqual([3, 2]);
    });
  });
});
