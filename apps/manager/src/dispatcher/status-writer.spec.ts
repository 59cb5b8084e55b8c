import { Logger } from '@nestjs/common';
import type { Task } from '@berth/cluster';
import { makeTask } from '@berth/cluster/testing';
import type { CommitResult, Write } from '@berth/store';
import type { StateService } from '../state/state.service';
import { StatusWriter } from './status-writer';

/** The tasks the writer reads, and the writes it commits: each commit answers with CONFLICTS' first. */
function fakeState(tasks: Task[], conflicts: Write[][] = []) {
  const commits: Write[][] = [];
  const state = {
    cache: { get: (_kind: string, id: string) => tasks.find((t) => t.id === id) },
    commit: (writes: Write[]): Promise<CommitResult> => {
      commits.push(writes);
      return Promise.resolve({
        revision: 1,
        written: writes.map((w) => w.object),
        conflicts: conflicts.shift() ?? [],
      });
    },
  };
  return { state: state as unknown as StateService, commits };
}

const report = (taskId: string, status: object) => ({ taskId, statusJson: JSON.stringify(status) });

describe(StatusWriter.name, () => {
  const assigned = () => makeTask({ id: 't1', state: 'assigned', nodeId: 'n1' });
  const running = (extra: object = {}) => ({
    ...assigned().status,
    state: 'running',
    message: 'started',
    ...extra,
  });

  describe('flush', () => {
    it("should write a report's agent fields only, whatever else it carries", async () => {
      const { state, commits } = fakeState([assigned()]);
      const writer = new StatusWriter(state, () => false);

      const foreign = { startedAt: 9_999, rejections: [{ filter: 'nodes', rejected: 1, examined: 1 }] };
      writer.queue('n1', [report('t1', running({ timestamp: 5_000, ...foreign }))]);
      await writer.flush();

      expect(commits).toHaveLength(1);
      const written = commits[0][0].object as Task;
      expect(written.status).toEqual({
        ...assigned().status,
        state: 'running',
        message: 'started',
        timestamp: 5_000,
        startedAt: 5_000, // the manager's note, not the report's
      });
    });

    it('should refuse a malformed report and still write the others', async () => {
      const other = makeTask({ id: 't2', state: 'assigned', nodeId: 'n1' });
      const { state, commits } = fakeState([assigned(), other]);
      const writer = new StatusWriter(state, () => false);
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

      writer.queue('n1', [report('t1', { ...running(), state: 'exploded' }), report('t2', running())]);
      await writer.flush();

      expect(commits.flat().map((w) => w.object.id)).toEqual(['t2']);
      expect(warn).toHaveBeenCalledWith({
        msg: expect.stringMatching(/^report of node n1 refused: statuses\.updates\[0\]/),
        node: 'n1',
      });
      warn.mockRestore();
    });

    it('should write a report that lost to a concurrent write again with the next flush', async () => {
      const { state, commits } = fakeState(
        [assigned()],
        [[{ op: 'update', kind: 'tasks', object: assigned() }]],
      );
      const writer = new StatusWriter(state, () => false);

      writer.queue('n1', [report('t1', running())]);
      await writer.flush();
      await writer.flush();

      expect(commits.map((writes) => writes.map((w) => w.object.id))).toEqual([['t1'], ['t1']]);
    });
  });

  describe('queue', () => {
    it('should write on its own once the turn is over while serving', async () => {
      const { state, commits } = fakeState([assigned()]);
      const writer = new StatusWriter(state, () => true);

      writer.queue('n1', [report('t1', running())]);
      expect(commits).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      await writer.settled();

      expect(commits).toHaveLength(1);
    });
  });
});
