import { RestartTimers } from './restart-timers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe(RestartTimers.name, () => {
  it('should back off from 100 ms, doubling while the container fails fast', () => {
    const timers = new RestartTimers();
    expect([1, 2, 3, 4].map(() => timers.schedule('c', 50, () => undefined))).toEqual([100, 200, 400, 800]);
  });

  it('should start over at 100 ms once a run lasted 10 s', () => {
    const timers = new RestartTimers();
    timers.schedule('c', 50, () => undefined);
    timers.schedule('c', 50, () => undefined);
    expect(timers.schedule('c', 10_000, () => undefined)).toBe(100);
  });

  it('should run the restart when the delay is over, once', () => {
    const timers = new RestartTimers();
    const restart = jest.fn();
    timers.schedule('c', 0, restart);
    jest.advanceTimersByTime(99);
    expect(restart).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(restart).toHaveBeenCalledTimes(1);
    expect(timers.cancel('c')).toBe(false);
  });

  it('should cancel a waiting restart, keeping the back-off; forgetting resets it', () => {
    const timers = new RestartTimers();
    const restart = jest.fn();
    timers.schedule('c', 0, restart);
    expect(timers.cancel('c')).toBe(true);
    jest.advanceTimersByTime(1000);
    expect(restart).not.toHaveBeenCalled();
    expect(timers.schedule('c', 0, restart)).toBe(200);
    timers.forget('c');
    expect(timers.schedule('c', 0, restart)).toBe(100);
    timers.stopAll();
    jest.advanceTimersByTime(1000);
    expect(restart).not.toHaveBeenCalled();
  });
});
