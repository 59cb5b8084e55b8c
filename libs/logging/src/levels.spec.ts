import { LogLevelError, logLevelFromEnv, parseLogLevel } from './levels';

describe('parseLogLevel', () => {
  it.each(['debug', 'info', 'warn', 'error'])('should take %s', (level) => {
    expect(parseLogLevel(level, '--log-level')).toBe(level);
  });

  it('should refuse another word, naming where it came from', () => {
    expect(() => parseLogLevel('INFO', 'BERTH_LOG_LEVEL')).toThrow(
      new LogLevelError('BERTH_LOG_LEVEL', 'INFO'),
    );
    expect(() => parseLogLevel('trace', '--log-level')).toThrow(
      '--log-level must be debug, info, warn or error, not "trace"',
    );
  });
});

describe('logLevelFromEnv', () => {
  it('should be info without BERTH_LOG_LEVEL, or with it empty', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ BERTH_LOG_LEVEL: '' })).toBe('info');
  });

  it('should take BERTH_LOG_LEVEL', () => {
    expect(logLevelFromEnv({ BERTH_LOG_LEVEL: 'error' })).toBe('error');
  });
});
