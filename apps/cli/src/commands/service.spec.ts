import { UsageError } from '@berth/cli-support/args';
import { DEFAULT_HOST, type Globals } from '../context';
import { inspect } from './service';

const globals: Globals = { host: DEFAULT_HOST, configDir: undefined };

describe('service', () => {
  describe('inspect', () => {
    it('should refuse --pretty with --format, as docker does', async () => {
      const asked = inspect(['web', '--pretty', '--format', '{{.ID}}'], globals);
      await expect(asked).rejects.toThrow(UsageError);
      await expect(asked).rejects.toThrow('--format is incompatible with human friendly format');
    });
  });
});
