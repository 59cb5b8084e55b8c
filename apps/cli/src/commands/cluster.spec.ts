import { dockerSwarm } from '@berth/cluster';
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

  const written = () => stdout.mock.calls.map(([text]) => String(text)).join('');

  describe('inspect', () => {
    it("should print the cluster as Docker's swarm, with its join tokens", async () => {
      managerAnswering(JSON.stringify({ ...cluster(), fromANewerManager: 1 }));

      await expect(inspect([], globals)).resolves.toBe(0);

      expect(written()).toBe(`${JSON.stringify([dockerSwarm(cluster(), { joinTokens: true })], null, 4)}\n`);
    });

    it('should answer the --format templates written for docker', async () => {
      managerAnswering(JSON.stringify(cluster()));

      await expect(
        inspect(
          ['--format', '{{.ID}} {{.JoinTokens.Worker}} {{.Spec.Orchestration.TaskHistoryRetentionLimit}}'],
          globals,
        ),
      ).resolves.toBe(0);

      expect(written()).toBe('c1 BTHTKN-1-a-w 5\n');
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
