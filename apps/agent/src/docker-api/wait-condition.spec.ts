import { EventsService } from '../events/events.service';
import { containerRecord, containerState } from '../containers/testing';
import { parseWaitCondition, waitFor, waitStart, waitStep } from './wait-condition';

describe('waiting for a container', () => {
  it('should take the three conditions and refuse others', () => {
    expect(parseWaitCondition(undefined)).toBe('not-running');
    expect(parseWaitCondition('')).toBe('not-running');
    expect(parseWaitCondition('next-exit')).toBe('next-exit');
    expect(parseWaitCondition('removed')).toBe('removed');
    expect(() => parseWaitCondition('gone')).toThrow('invalid condition: "gone"');
  });

  it('should be done at once only for not-running on a container that is not running', () => {
    const exited = containerRecord('c1', 'one', {}, containerState('exited', 3));
    expect(waitStart(exited, 'not-running')).toEqual({ done: true, exitCode: 3 });
    expect(waitStart(exited, 'next-exit').done).toBe(false);
    expect(waitStart(exited, 'removed').done).toBe(false);
    const running = containerRecord('c1', 'one', {}, containerState('running'));
    expect(waitStart(running, 'not-running').done).toBe(false);
  });

  it('should end at an exit, or for removed only at the destroy, with the last exit code', () => {
    const start = { done: false, exitCode: 0 };
    const die = { action: 'die', attributes: { exitCode: '7' } };
    const destroy = { action: 'destroy', attributes: {} };
    expect(waitStep(start, die, 'next-exit')).toEqual({ done: true, exitCode: 7 });
    expect(waitStep(start, die, 'not-running')).toEqual({ done: true, exitCode: 7 });
    const afterDie = waitStep(start, die, 'removed');
    expect(afterDie).toEqual({ done: false, exitCode: 7 });
    expect(waitStep(afterDie, destroy, 'removed')).toEqual({ done: true, exitCode: 7 });
    expect(waitStep(start, { action: 'start', attributes: {} }, 'removed')).toBe(start);
  });

  it("should hear only its container's events and stop listening when aborted", async () => {
    const events = new EventsService();
    const c = containerRecord('c1', 'one', {}, containerState('created'));
    const waited = waitFor(c, 'next-exit', events, new AbortController().signal);
    events.emit('container', 'die', 'someone-else', { exitCode: '1' });
    events.emit('container', 'die', c.id, { exitCode: '4' });
    await expect(waited).resolves.toBe(4);
    const abort = new AbortController();
    const never = waitFor(c, 'removed', events, abort.signal);
    abort.abort();
    await expect(never).resolves.toBeNull();
  });
});
