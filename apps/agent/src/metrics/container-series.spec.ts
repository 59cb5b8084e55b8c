import { containerSeries } from './container-series';

describe('containerSeries', () => {
  const stats = {
    cpuUsageNs: 2_500_000_000,
    memoryUsageBytes: 10_000,
    memoryCacheBytes: 4_000,
    memoryLimitBytes: null,
  };

  it('should give a task container the task and service of its swarm labels, and values in base units', () => {
    const c = {
      id: 'c1',
      name: '/web.1.t1',
      restartCount: 2,
      config: { labels: { 'com.docker.swarm.task.id': 't1', 'com.docker.swarm.service.name': 'web' } },
    };
    expect(containerSeries(c as never, stats, { rx: 100, tx: 50 })).toEqual({
      labels: { container: 'c1', name: 'web.1.t1', service: 'web', task: 't1' },
      cpuSeconds: 2.5,
      memoryBytes: 6_000,
      memoryLimitBytes: null,
      receiveBytes: 100,
      transmitBytes: 50,
      restarts: 2,
    });
  });

  it('should leave task and service empty for a container of no task, and never give negative memory', () => {
    const c = { id: 'c2', name: 'db', restartCount: 0, config: { labels: {} } };
    const series = containerSeries(
      c as never,
      { ...stats, memoryCacheBytes: 20_000, memoryLimitBytes: 1 << 20 },
      { rx: 0, tx: 0 },
    );
    expect(series.labels).toEqual({ container: 'c2', name: 'db', service: '', task: '' });
    expect(series.memoryBytes).toBe(0);
    expect(series.memoryLimitBytes).toBe(1 << 20);
  });
});
