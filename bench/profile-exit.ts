/**
 * Preloaded (`node -r`) into a manager profiled with --cpu-prof by the benchmarks. V8 writes the
 * profile only when the process exits, not when a signal kills it, and NestJS's shutdown hooks
 * end with the signal raised again once the app is closed: that second SIGTERM or SIGINT becomes
 * a normal exit here, so the profile is written after a clean stop.
 */
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  let seen = 0;
  process.on(signal, () => {
    if (++seen > 1) process.exit(0);
  });
}
