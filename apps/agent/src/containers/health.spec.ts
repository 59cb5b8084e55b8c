import { afterProbe, HEALTH_LOG_LENGTH, probeArgs, type ProbeResult } from './health';
import type { HealthState } from './model';

const check = { startPeriodMs: 1000, retries: 3 };
const result = (exitCode: number, i = 0): ProbeResult => ({
  start: `s${i}`,
  end: `e${i}`,
  exitCode,
  output: `out ${i}`,
});
const starting: HealthState = { status: 'starting', failingStreak: 0, log: [] };

describe('health rules', () => {
  describe(probeArgs.name, () => {
    it('should run CMD-SHELL through /bin/sh and CMD as given', () => {
      expect(probeArgs({ test: ['CMD-SHELL', 'curl -f', 'http://x'] })).toEqual([
        '/bin/sh',
        '-c',
        'curl -f http://x',
      ]);
      expect(probeArgs({ test: ['CMD', 'true', '--x'] })).toEqual(['true', '--x']);
    });
  });

  describe(afterProbe.name, () => {
    it('should be healthy after one success, clearing the streak', () => {
      const failing: HealthState = { status: 'starting', failingStreak: 2, log: [] };
      expect(afterProbe(failing, result(0), check, 5000)).toMatchObject({
        status: 'healthy',
        failingStreak: 0,
      });
    });

    it('should not count failures during the start period', () => {
      expect(afterProbe(starting, result(1), check, 999)).toMatchObject({
        status: 'starting',
        failingStreak: 0,
      });
    });

    it('should become unhealthy after RETRIES failures in a row, not before', () => {
      let h: HealthState = { ...starting, status: 'healthy' };
      h = afterProbe(h, result(1), check, 5000);
      h = afterProbe(h, result(1), check, 5000);
      expect(h).toMatchObject({ status: 'healthy', failingStreak: 2 });
      h = afterProbe(h, result(-1), check, 5000);
      expect(h).toMatchObject({ status: 'unhealthy', failingStreak: 3 });
    });

    it('should keep the last results only, and not change the state it was given', () => {
      let h = starting;
      for (let i = 0; i < 8; i++) h = afterProbe(h, result(0, i), check, 5000);
      expect(h.log.map((r) => r.start)).toEqual(['s3', 's4', 's5', 's6', 's7']);
      expect(h.log).toHaveLength(HEALTH_LOG_LENGTH);
      expect(starting.log).toEqual([]);
    });
  });
});
