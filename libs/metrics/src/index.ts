/**
 * @berth/metrics — Prometheus metrics: the only importer of prom-client. Each process makes one
 * Registry, defines its metrics on it (gauges of state computed at scrape time by `collect`), and
 * serves it with serveMetrics when --metrics-addr is given.
 */
export { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
export { MetricsAddrError, metricsAddrText, parseMetricsAddr, type MetricsAddr } from './addr';
export { MetricsListenError, serveMetrics } from './server';
