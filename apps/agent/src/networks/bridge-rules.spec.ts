import { BridgeRules } from './bridge-rules';
import { bridgeNetwork, FakeRun } from './testing';

describe(BridgeRules.name, () => {
  let run: FakeRun;
  let rules: BridgeRules;
  const front = bridgeNetwork('front');
  const added = () => run.calls.filter((c) => / -[AI] /.test(c));

  beforeEach(() => {
    run = new FakeRun();
    rules = new BridgeRules(run.run);
  });

  describe('ensure', () => {
    it("should add a network's FORWARD and MASQUERADE rules once per agent", async () => {
      await rules.ensure(front);
      await rules.ensure(front);
      expect(added()).toEqual([
        expect.stringMatching(/^iptables -w -t filter -I FORWARD 1 -i br-front /),
        expect.stringMatching(/^iptables -w -t filter -I FORWARD 1 -o br-front /),
        expect.stringMatching(/^iptables -w -t nat -A POSTROUTING -s 10\.89\.1\.0\/24 ! -o br-front /),
      ]);
    });

    it('should not masquerade an internal network, nor touch an overlay one', async () => {
      await rules.ensure({ ...front, internal: true });
      await rules.ensure({ ...bridgeNetwork('mesh'), driver: 'overlay' });
      expect(added()).toHaveLength(2);
      expect(added().join('\n')).not.toMatch(/MASQUERADE|br-mesh/);
    });
  });

  describe('remove', () => {
    it('should delete the rules, and add them again when the network comes back', async () => {
      await rules.ensure(front);
      await rules.remove(front);
      expect(run.calls.filter((c) => / -D /.test(c))).toHaveLength(3);
      await rules.ensure(front);
      expect(added()).toHaveLength(6);
    });
  });
});
