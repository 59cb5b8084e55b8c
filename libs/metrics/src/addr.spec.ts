import { MetricsAddrError, metricsAddrText, parseMetricsAddr } from './addr';

describe('parseMetricsAddr', () => {
  it.each([
    ['127.0.0.1:9323', '127.0.0.1', 9323],
    ['0.0.0.0:1', '0.0.0.0', 1],
    ['localhost:65535', 'localhost', 65535],
    ['[::1]:9380', '::1', 9380],
  ])('should read %s', (text, host, port) => {
    expect(parseMetricsAddr(text)).toEqual({ host, port });
    expect(metricsAddrText({ host, port })).toBe(text);
  });

  it.each(['9323', 'host', ':9323', 'h:0', 'h:65536', '::1:9323', 'h:12x', ''])(
    'should refuse "%s"',
    (text) => {
      expect(() => parseMetricsAddr(text)).toThrow(MetricsAddrError);
    },
  );
});
