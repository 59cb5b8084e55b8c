import { PassThrough } from 'node:stream';
import { formatLine, progressBar, ProgressRenderer } from './progress';

describe('progressBar', () => {
  it('should fill in proportion and show the sizes', () => {
    expect(progressBar(25e6, 50e6, 10)).toBe('[=====>    ]   25.0MB/50.0MB');
    expect(progressBar(50e6, 50e6, 10)).toBe('[==========]   50.0MB/50.0MB');
  });
});

describe('ProgressRenderer', () => {
  function capture(tty: boolean) {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d) => (text += d));
    return { renderer: new ProgressRenderer(out, tty), text: () => text };
  }

  it('should print one plain line per change of state when not on a terminal', () => {
    const { renderer, text } = capture(false);
    renderer.update({ id: 'abc', action: 'Downloading', current: 1, total: 10 });
    renderer.update({ id: 'abc', action: 'Downloading', current: 5, total: 10 });
    renderer.update({ id: 'abc', action: 'Pull complete' });
    renderer.update({ id: 'def', action: 'Mounted', detail: 'team/base' });
    expect(text()).toBe('abc: Downloading\nabc: Pull complete\ndef: Mounted from team/base\n');
  });

  it('should redraw a layer line in place on a terminal', () => {
    const { renderer, text } = capture(true);
    renderer.update({ id: 'abc', action: 'Waiting' });
    renderer.update({ id: 'def', action: 'Waiting' });
    renderer.update({ id: 'abc', action: 'Pull complete' });
    expect(text()).toBe('abc: Waiting\ndef: Waiting\n\x1b[2A\r\x1b[2Kabc: Pull complete\r\x1b[2B');
  });

  it('should show a bar only where there are byte counts', () => {
    expect(formatLine({ id: 'a', action: 'Pushing', current: 1, total: 2 }, true)).toMatch(/^a: Pushing \[/);
    expect(formatLine({ id: 'a', action: 'Pushed' }, true)).toBe('a: Pushed');
  });
});
