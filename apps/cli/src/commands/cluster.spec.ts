import { DEFAULT_HOST, ExitError, type Globals } from '../context';
import { manager } from '../manager';
import { inspect } from './cluster';

jest.mock('../manager', () => ({ manager: jest.fn() }));

const globals: Globals = { host: DEFAULT_HOST, configDir: undefined };

const cluster = () => ({
  id: 'c1',
  meta: { version: 3, createdAt: 1, updatedAt: 2 },
  settings: { heartbeatGraceMs: 3000, taskHistoryLimit: 5 },
  ca: { certPem: '-----BEGIN CERTIFICATE-----\n' },
  joinTokens: { worker: 'BTHTKN-1-a-w', manager: 'BTHTKN-1-a-m' },
});

function managerAnswering(json: string): void {
  const call = jest.fn(() => Promise.resolve({ json }));
  jest.mocked(manager).mockReturnValue({ call } as unknown as ReturnType<typeof manager>);
}

describe('cluster', () => {
  let stdout: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => jest.restoreAllMocks());

  describe('inspect', () => {
    it('should print the cluster as the manager sent it', async () => {
      const { joinTokens, ...rest } = cluster();
      const sent = { joinTokens, ...rest, fromANewerManager: 1 };
      managerAnswering(JSON.stringify(sent));

      await expect(inspect([], globals)).resolves.toBe(0);

      expect(stdout.mock.calls.map(([text]) => String(text)).join('')).toBe(
        `${JSON.stringify([sent], null, 4)}\n`,
      );
    });

    it('should end with the field that is wrong when the answer is malformed', async () => {
      managerAnswering(JSON.stringify({ ...cluster(), settings: { heartbeatGraceMs: 3000 } }));

      const asked = inspect([], globals);

      await expect(asked).rejects.toThrow(ExitError);
      await expect(asked).rejects.toThrow(
        "the manager's answer is malformed: cluster.settings.taskHistoryLimit: expected a number, got nothing",
      );
    });
  });
});
