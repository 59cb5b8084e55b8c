import * as fs from 'node:fs';
import * as path from 'node:path';
import { TeardownJournal, type Teardown } from './teardown-journal';
import { attachment, tempDir } from './testing';

describe(TeardownJournal.name, () => {
  let root: string;
  let dir: string;
  const teardown = (id: string): Teardown => ({ id, networks: [attachment('front', 0)], boundPorts: [] });

  beforeEach(() => {
    root = tempDir();
    dir = path.join(root, 'teardowns');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('write', () => {
    it('should keep a teardown as <container id>.json, as earlier agents did', () => {
      TeardownJournal.open(dir).write(teardown('c1'));
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'c1.json'), 'utf8'))).toEqual(teardown('c1'));
    });
  });

  describe('remove', () => {
    it('should forget a teardown, and not mind one that is not there', () => {
      const journal = TeardownJournal.open(dir);
      journal.write(teardown('c1'));
      journal.remove('c1');
      journal.remove('c2');
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  });

  describe('takeAll', () => {
    it('should hand out every teardown kept and empty the journal, dropping unreadable ones', () => {
      const journal = TeardownJournal.open(dir);
      journal.write(teardown('c1'));
      journal.write(teardown('c2'));
      fs.writeFileSync(path.join(dir, 'c3.json'), '{"id":');
      expect(
        TeardownJournal.open(dir)
          .takeAll()
          .map((t) => t.id)
          .sort(),
      ).toEqual(['c1', 'c2']);
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  });
});
