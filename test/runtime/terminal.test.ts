/** Terminals made in the container, stdin fed through the monitor's fifo, exec with a terminal. */
import * as fs from 'node:fs';
import { pollFor } from '@berth/runtime';
import { RuntimeHarness } from '@berth/testing';

let h: RuntimeHarness;
beforeAll(() => {
  h = RuntimeHarness.open('terminal');
});
afterAll(() => h.cleanup());

const output = (id: string) =>
  h
    .logOf(id)
    .map((e) => e.log)
    .join('');

/** Writes TEXT to the container's stdin fifo, then closes it (end of input unless it has a terminal). */
function feed(id: string, text: string): void {
  const fd = fs.openSync(h.runtime.stdinPath(id), fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  fs.writeSync(fd, text);
  fs.closeSync(fd);
}

it('should give the process a terminal of its own devpts, of the size asked, as all three stdio', async () => {
  const r = await h.run({
    args: ['sh', '-c', 'tty; stty size; echo to-stderr >&2'],
    terminal: { rows: 30, cols: 100 },
  });
  expect(r.exit.exitCode).toBe(0);
  expect(r.stdout).toBe('/dev/pts/0\r\n30 100\r\nto-stderr\r\n');
  expect(r.entries.every((e) => e.stream === 'stdout')).toBe(true);
});

it('should feed stdin from the fifo and end it when the writer closes', async () => {
  const id = h.nextId();
  await h.runtime.createAndStart(id, {
    bundle: h.tmp,
    spec: h.spec(id, { args: ['sh', '-c', 'cat; echo eof'] }),
    stdin: true,
  });
  feed(id, 'hello\n');
  expect((await h.runtime.wait(id)).exitCode).toBe(0);
  expect(output(id)).toBe('hello\neof\n');
  await h.runtime.delete(id);
});

it('should run an interactive shell on a terminal, resized while it runs, across writers', async () => {
  const id = h.nextId();
  await h.runtime.createAndStart(id, {
    bundle: h.tmp,
    spec: h.spec(id, { args: ['sh'], terminal: { rows: 24, cols: 80 } }),
    stdin: true,
  });
  feed(id, 'echo $((6*7)); stty size\n');
  expect(await pollFor(() => output(id).includes('24 80'), 5000)).toBe(true);
  h.runtime.resize(id, 40, 132);
  feed(id, 'stty size; exit 5\n'); // a second writer: a terminal outlives the first
  expect((await h.runtime.wait(id)).exitCode).toBe(5);
  const text = output(id);
  expect(text).toContain('42\r\n');
  expect(text).toContain('40 132\r\n');
  await h.runtime.delete(id);
});

it('should exec a process with a terminal and relay its input, output and size', async () => {
  const id = await h.start({ args: ['sleep', '60'] });
  try {
    const proc = await h.runtime.spawnExec(id, { args: ['sh'], terminal: { rows: 20, cols: 70 } });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stdin!.write('tty; stty size\n');
    expect(await pollFor(() => out.includes('20 70'), 5000)).toBe(true);
    // sizes in quick succession (a terminal dragged) reach the shim in one read: the last one holds
    proc.resize(31, 90);
    proc.resize(33, 99);
    await new Promise((r) => setTimeout(r, 200));
    proc.stdin!.write('stty size; exit 3\n');
    expect(await proc.exit).toBe(3);
    expect(out).toMatch(/\/dev\/pts\/\d+\r\n/);
    expect(out).toContain('33 99\r\n');
  } finally {
    await h.runtime.delete(id, { force: true });
  }
});
