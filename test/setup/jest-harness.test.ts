/**
 * The test harness's promise (test/support/jest-environment.ts): a test that fails leaves no
 * process running, and jest's run ends on its own with its report. Checked by running jest on a
 * fixture that fails and leaves two children, once with jest's plain node environment (which
 * never ends: the control that shows the check can fail) and once with ours.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const JEST = path.join(ROOT, 'node_modules/.bin/jest');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest's own CommonJS config
const base = require(path.join(ROOT, 'jest.config.js')) as { projects: Record<string, unknown>[] };

interface Run {
  /** jest's exit code, or null when it had not ended by the deadline (and was killed). */
  code: number | null;
  pids: number[];
  report: { numFailedTests: number; numPassedTests: number } | undefined;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** jest on the fixture with ENVIRONMENT, given DEADLINE_MS to end; anything it leaves is ours to stop. */
async function runFixture(dir: string, environment: string, deadlineMs: number): Promise<Run> {
  const config = {
    ...base.projects[1],
    displayName: undefined,
    rootDir: ROOT,
    testMatch: ['<rootDir>/test/setup/fixtures/leaves-processes.fixture.ts'],
    testEnvironment: environment,
  };
  const pidsFile = path.join(dir, `pids-${path.basename(environment)}.json`);
  const reportFile = path.join(dir, `report-${path.basename(environment)}.json`);
  const jest = spawn(
    JEST,
    ['--config', JSON.stringify(config), '--runInBand', '--ci', '--json', '--outputFile', reportFile],
    { cwd: ROOT, env: { ...process.env, BERTH_FIXTURE_PIDS: pidsFile }, stdio: 'ignore', detached: true },
  );
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      process.kill(-jest.pid!, 'SIGKILL');
      resolve(null);
    }, deadlineMs);
    jest.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  const pids = fs.existsSync(pidsFile) ? (JSON.parse(fs.readFileSync(pidsFile, 'utf8')) as number[]) : [];
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined;
  return { code, pids, report };
}

describe('the test harness', () => {
  let dir: string;
  const started: number[] = [];
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-harness-'))));
  afterAll(() => {
    for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("should not end a failing run that leaves a child running, with jest's plain node environment", async () => {
    const run = await runFixture(dir, 'node', 15_000);
    started.push(...run.pids);
    expect(run.pids).toHaveLength(2);
    expect(run.code).toBeNull(); // still waiting on the child's pipes when we gave up
  }, 30_000);

  it('should kill what the failed test left, and end the run with its report, with ours', async () => {
    const run = await runFixture(dir, '<rootDir>/test/support/jest-environment.ts', 60_000);
    started.push(...run.pids);
    expect(run.pids).toHaveLength(2);
    expect(run.code).toBe(1);
    expect(run.report).toMatchObject({ numFailedTests: 1, numPassedTests: 0 });
    expect(run.pids.filter(alive)).toEqual([]);
  }, 90_000);
});
