import { deriveStatus, isValidId, parseExitRecord, type Observed } from './status';

const base: Observed = {
  pidKnown: true,
  creatorAlive: true,
  initAlive: true,
  started: false,
  exitRecorded: false,
  frozen: false,
};

describe('deriveStatus', () => {
  it.each<[string, Partial<Observed>, string]>([
    ['created, waiting for start', {}, 'created'],
    ['running', { started: true }, 'running'],
    ['paused', { started: true, frozen: true }, 'paused'],
    ['exited with a record', { started: true, exitRecorded: true, initAlive: false }, 'stopped'],
    ['gone without a record (monitor killed)', { started: true, initAlive: false }, 'stopped'],
    ['still being created', { pidKnown: false }, 'creating'],
    ['abandoned mid-create', { pidKnown: false, creatorAlive: false }, 'stopped'],
  ])('should call a container %s "%s"', (_, observed, status) => {
    expect(deriveStatus({ ...base, ...observed })).toBe(status);
  });
});

describe('parseExitRecord', () => {
  it('should read code, signal and nanosecond time', () => {
    expect(parseExitRecord('137 9 1795828304711728507\n')).toEqual({
      exitCode: 137,
      signal: 9,
      finishedAt: new Date(1795828304711.7285),
    });
  });
  it('should refuse a damaged record', () => {
    expect(parseExitRecord('garbage')).toBeNull();
  });
});

describe('isValidId', () => {
  it('should take runc-style ids and refuse paths', () => {
    expect(isValidId('web_1.blue-2')).toBe(true);
    expect(isValidId('../etc')).toBe(false);
    expect(isValidId('a/b')).toBe(false);
    expect(isValidId('')).toBe(false);
    expect(isValidId('x'.repeat(129))).toBe(false);
  });
});
