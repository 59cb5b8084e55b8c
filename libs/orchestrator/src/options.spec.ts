import { compileOptions, DEFAULT_TASK_HISTORY_LIMIT, InvalidOptionError } from './options';

describe(compileOptions.name, () => {
  it("should default the history limit to swarm's 5", () => {
    expect(compileOptions()).toEqual({ taskHistoryLimit: DEFAULT_TASK_HISTORY_LIMIT, maxNewSlots: Infinity });
    expect(DEFAULT_TASK_HISTORY_LIMIT).toBe(5);
  });

  it('should accept 0 and Infinity', () => {
    expect(compileOptions({ taskHistoryLimit: 0 }).taskHistoryLimit).toBe(0);
    expect(compileOptions({ taskHistoryLimit: Infinity }).taskHistoryLimit).toBe(Infinity);
  });

  it('should keep everything for a negative limit, as swarm does', () => {
    expect(compileOptions({ taskHistoryLimit: -1 }).taskHistoryLimit).toBe(Infinity);
  });

  it.each([1.5, NaN])('should refuse %p with the option and value', (value) => {
    const attempt = () => compileOptions({ taskHistoryLimit: value });
    expect(attempt).toThrow(InvalidOptionError);
    expect(attempt).toThrow(expect.objectContaining({ option: 'taskHistoryLimit', value }));
  });

  it.each([0, -1, 1.5, NaN])('should refuse %p new slots at most', (value) => {
    expect(() => compileOptions({ maxNewSlots: value })).toThrow(
      expect.objectContaining({ option: 'maxNewSlots', value }),
    );
  });
});
