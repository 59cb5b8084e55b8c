/**
 * The managers' live dashboard in a real browser (Debian's chromium, driven by playwright-core)
 * against a real local cluster: it refuses callers without the token or a cluster certificate,
 * follows a scale from the CLI as it happens (pushed from the manager's watch, not polled), shows
 * a rollout advancing, and a task's log when the task is clicked; a manager that does not lead
 * serves the same live page from its own watch.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Store } from '@berth/store';
import type { Task } from '@berth/cluster';
import { ClusterHarness, until } from '@berth/testing';

jest.setTimeout(180_000);

// What the functions run in the page use of the browser (the project compiles without the DOM's types).
interface PageElement {
  textContent: string | null;
  firstElementChild: PageElement | null;
}
declare const document: { querySelector(selector: string): PageElement | null };
declare const window: unknown;
declare class MutationObserver {
  constructor(callback: () => void);
  observe(
    target: PageElement,
    options: { childList?: boolean; subtree?: boolean; characterData?: boolean },
  ): void;
}

const CHROMIUM = '/usr/bin/chromium';
/** Headless, quiet, and offline: it talks to the dashboard only. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A service whose tasks write a line every 200 ms. */
const TICKER = [
  '--stop-grace-period',
  '1s',
  'busybox:latest',
  'sh',
  '-c',
  'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.2; done',
];

let cluster: ClusterHarness | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
/** every request the page made, as METHOD PATH */
const requests: string[] = [];

beforeAll(async () => {
  // three manager machines: one leads, and the others serve the page too
  cluster = await ClusterHarness.start({ machines: 3, managers: 3, dashboard: true });
  for (const m of cluster.machines) m.importBusybox();
  // the launch's own temporary profile: fresh each run, removed on close
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  // every step runs even when one before it failed
  await context?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await cluster?.stop();
});

const c = () => cluster!;
const url = () => c().dashboardUrlOf(1);

function berth(...args: string[]): string {
  const r = c().berth(args);
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** GET PATH on the dashboard from Node (no browser), with HEADERS and, when given, a client certificate. */
function get(
  pathAndQuery: string,
  options: { headers?: Record<string, string>; cert?: { certPem: string; keyPem: string } } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      `${url()}${pathAndQuery}`,
      {
        headers: options.headers,
        // the cluster's CA signed the manager's certificate; this test does not check it
        rejectUnauthorized: false,
        ...(options.cert && { cert: options.cert.certPem, key: options.cert.keyPem }),
      },
      (response) => {
        // an event stream does not end: its first chunk is enough
        const stream = String(response.headers['content-type']).startsWith('text/event-stream');
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
          if (stream) response.destroy();
        });
        const done = () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers });
        response.on('end', done);
        response.on('close', done);
      },
    );
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error(`GET ${pathAndQuery}: no answer in 10 s`)));
  });
}

/** The admin identity the CLI's context holds (a manager-role certificate of the cluster's CA). */
function cliIdentity(): { certPem: string; keyPem: string } {
  const dir = path.join(c().tmp, 'cli', 'contexts');
  const [file] = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { certPem: string; keyPem: string };
}

/** Every task in etcd, read straight from the store: what the page is checked against. */
async function storedTasks(): Promise<Task[]> {
  const store = await Store.connect({ endpoints: c().etcdEndpoints });
  try {
    return (await store.readAll()).objects.tasks;
  } finally {
    store.close();
  }
}

const runningCell = (service: string) => `tr[data-service="${service}"] td.running`;

describe('the dashboard', () => {
  it('should refuse a request without the token or a certificate of the cluster', async () => {
    for (const pathAndQuery of ['/', '/api/view', '/api/stream', '/api/tasks/x/logs', '/?token=wrong']) {
      const answer = await get(pathAndQuery);
      expect({ pathAndQuery, status: answer.status }).toEqual({ pathAndQuery, status: 401 });
      expect(answer.body).toMatch(/^refused: /);
    }
    expect((await get('/api/view', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await get('/', { headers: { cookie: 'berth_dashboard=wrong' } })).status).toBe(401);
  });

  it('should admit the bearer token, and a manager certificate of the cluster without one', async () => {
    const withToken = await get('/api/view', {
      headers: { authorization: `Bearer ${c().dashboardToken(1)}` },
    });
    expect(withToken.status).toBe(200);
    expect(
      JSON.parse(withToken.body)
        .view.machines.map((m: { hostname: string }) => m.hostname)
        .sort(),
    ).toEqual(['m1', 'm2', 'm3']);
    const withCertificate = await get('/api/view', { cert: cliIdentity() });
    expect(withCertificate.status).toBe(200);
  });

  it('should trade a token in the URL for a cookie, and show the machines', async () => {
    berth('service', 'create', '--name', 'web', '--replicas', '1', ...TICKER);
    context = await browser!.newContext({ ignoreHTTPSErrors: true });
    page = await context.newPage();
    page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    const answer = await page.goto(`${url()}/?token=${encodeURIComponent(c().dashboardToken(1))}`);
    expect(answer?.status()).toBe(200);
    expect(page.url()).toBe(`${url()}/`); // the token is gone from the address
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: 'berth_dashboard',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    await page.waitForSelector('#connection.live');
    expect(await page.locator('.machine h3').allTextContents()).toEqual([
      expect.stringMatching(/^m1 manager, ready/),
      expect.stringMatching(/^m2 manager, ready/),
      expect.stringMatching(/^m3 manager, ready/),
    ]);
    await page.waitForFunction(
      (cell) => document.querySelector(cell)?.textContent === '1/1',
      runningCell('web'),
    );
  });

  it('should show a scale from the CLI within a second of the tasks running', async () => {
    // the page marks the time each text of the cell first appears (the browser's clock is this host's)
    await page!.evaluate((cell) => {
      const seen: { text: string; at: number }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const note = () => {
        const text = document.querySelector(cell)?.textContent ?? '';
        if (seen.at(-1)?.text !== text) seen.push({ text, at: Date.now() });
      };
      new MutationObserver(note).observe(document.querySelector('#services tbody')!, {
        childList: true,
        subtree: true,
        characterData: true,
      });
      note();
    }, runningCell('web'));
    berth('service', 'scale', 'web=3'); // returns once the three run
    const cliReturnedAt = Date.now();
    await page!.waitForFunction(
      () => (window as unknown as { seen: { text: string }[] }).seen.some((s) => s.text === '3/3'),
      null,
      { timeout: 5_000 },
    );
    const seen = await page!.evaluate(
      () => (window as unknown as { seen: { text: string; at: number }[] }).seen,
    );
    const shownAt = seen.find((s) => s.text === '3/3')!.at;
    const running = (await storedTasks()).filter(
      (t) => t.serviceName === 'web' && t.desiredState === 'running' && t.status.state === 'running',
    );
    expect(running).toHaveLength(3);
    const allRunningAt = Math.max(...running.map((t) => t.status.startedAt!));
    const latency = { afterRunning: shownAt - allRunningAt, afterCli: shownAt - cliReturnedAt };
    console.log(
      `dashboard: 3/3 shown ${latency.afterRunning} ms after the third task ran, ${latency.afterCli} ms after the CLI returned (${JSON.stringify(seen)})`,
    );
    expect(latency.afterRunning).toBeLessThan(1000);
    expect(latency.afterCli).toBeLessThan(1000);
    // it went 1/1 → 1/3 (or 2/3) → 3/3 as it happened, not in one jump
    expect(seen.map((s) => s.text)).toContain('1/3');
    expect(await page!.locator('.machine .task.running', { hasText: /^web\.\d+ running$/ }).count()).toBe(3);
    await page!.waitForSelector('#events li:has-text("scaled to 3 (was 1)")');
    // all of it came down the one stream the page opened: nothing was asked again
    expect(requests.filter((r) => !r.endsWith('/favicon.ico'))).toEqual([
      'GET /',
      'GET /',
      'GET /api/stream',
    ]);
  });

  it('should show a rollout advancing, task by task, to its end', async () => {
    await page!.evaluate((row) => {
      const states: string[] = [];
      (window as unknown as { rollout: string[] }).rollout = states;
      new MutationObserver(() => {
        const text = document.querySelector(`${row} .rollout`)?.firstElementChild?.textContent ?? '';
        if (text && states.at(-1) !== text) states.push(text);
      }).observe(document.querySelector('#services tbody')!, { childList: true, subtree: true });
    }, 'tr[data-service="web"]');
    berth('service', 'update', '--env-add', 'ROUND=2', '--update-monitor', '200ms', 'web');
    await page!.waitForFunction(
      () => (window as unknown as { rollout: string[] }).rollout.some((s) => s.startsWith('completed 3/3')),
      null,
      { timeout: 10_000 },
    );
    const states = await page!.evaluate(() => (window as unknown as { rollout: string[] }).rollout);
    // each replaced task moved the bar: 0, 1 and 2 of 3 updated were shown while updating
    for (const step of ['updating 0/3', 'updating 1/3', 'updating 2/3'])
      expect(states.some((s) => s.startsWith(step))).toBe(true);
    await page!.waitForSelector('#events li:has-text("rollout completed")');
  });

  it("should show a task's log lines when it is clicked, as they are written", async () => {
    const chip = page!.locator('.machine .task.running').first();
    const taskId = await chip.getAttribute('data-task-id');
    await chip.click();
    const log = page!.locator('#logs pre');
    await until(
      'two log lines of the clicked task',
      () => log.locator('div').allTextContents(),
      (lines) => lines.length >= 2,
      10_000,
    );
    expect(await page!.locator('#logs').getAttribute('data-task-id')).toBe(taskId);
    const first = await log.locator('div').allTextContents();
    expect(first.every((line) => /^tick \d+$/.test(line))).toBe(true);
    // followed: later lines arrive without another click
    const later = await until(
      'a later line',
      () => log.locator('div').allTextContents(),
      (lines) => lines.length > first.length,
      5_000,
    );
    const ticks = later.map((line) => Number(line.split(' ')[1]));
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b)); // one task's lines, in order
  });

  it('should be served live by a manager that does not lead, from its own watch', async () => {
    const leader = await c().leaderManager();
    expect(leader).toBeGreaterThan(0);
    const other = leader === 1 ? 2 : 1;
    const follower = await context!.browser()!.newContext({ ignoreHTTPSErrors: true });
    try {
      const second = await follower.newPage();
      await second.goto(
        `${c().dashboardUrlOf(other)}/?token=${encodeURIComponent(c().dashboardToken(other))}`,
      );
      await second.waitForSelector('#connection.live');
      expect(await second.textContent('#manager')).toBe(
        `manager ${c().managerAddrOf(other)} (leader ${c().managerAddrOf(leader)})`,
      );
      await second.waitForFunction(
        (cell) => document.querySelector(cell)?.textContent === '3/3',
        runningCell('web'),
      );
      berth('service', 'scale', 'web=2');
      const cliReturnedAt = Date.now();
      await second.waitForFunction(
        (cell) => document.querySelector(cell)?.textContent === '2/2',
        runningCell('web'),
        {
          timeout: 1_000,
        },
      );
      console.log(
        `dashboard of a manager that does not lead: 2/2 shown by ${Date.now() - cliReturnedAt} ms after the CLI returned`,
      );
    } finally {
      await follower.close();
    }
  });
});
