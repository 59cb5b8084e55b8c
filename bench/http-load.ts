/**
 * A small HTTP load generator for bench:network, run inside a container's network namespace
 * (`nsenter --net=… node dist/bench/http-load.js HOST PORT SECONDS CONCURRENCY`): CONCURRENCY
 * loops, each sending `GET /` on a new connection and reading the answer to its end, as
 * clients of a service do. Prints one JSON line: requests, errors, requests/s, p50 and p99 ms.
 */
import * as net from 'node:net';
import { percentile } from './stats';

const [host, portText, secondsText, concurrencyText] = process.argv.slice(2);
const port = Number(portText);
const durationMs = Number(secondsText ?? 5) * 1000;
const concurrency = Number(concurrencyText ?? 16);

function request(): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host, () => socket.write('GET / HTTP/1.0\r\nHost: bench\r\n\r\n'));
    let head = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
    socket.on('data', (d: Buffer) => {
      if (head.length < 12) head += d.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', (hadError) => {
      if (hadError) return;
      if (!head.startsWith('HTTP/1.') || !head.slice(9, 12).startsWith('200'))
        return reject(new Error(`bad answer: ${JSON.stringify(head.slice(0, 20))}`));
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

async function main(): Promise<void> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  const start = Date.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        try {
          latencies.push(await request());
        } catch (error) {
          errors++;
          firstError ||= (error as Error).message;
        }
      }
    }),
  );
  const elapsed = (Date.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      requests: latencies.length,
      errors,
      firstError,
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    })}\n`,
  );
}

void main();
