import { topTable } from './top';

const PS = `UID          PID    PPID  C STIME TTY          TIME CMD
root           1       0  0 10:00 ?        00:00:01 /sbin/init
root        4242    4200  0 10:01 ?        00:00:00 sleep 300
root        4250    4242  0 10:01 ?        00:00:00 sh -c echo a  b
`;

describe("docker top's table", () => {
  it("should keep only the container's processes, the command with its spaces", () => {
    const t = topTable(PS, new Set([4242, 4250]));
    expect(t.titles).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']);
    expect(t.processes).toEqual([
      ['root', '4242', '4200', '0', '10:01', '?', '00:00:00', 'sleep 300'],
      ['root', '4250', '4242', '0', '10:01', '?', '00:00:00', 'sh -c echo a b'],
    ]);
  });

  it('should find the PID column wherever ps puts it, and refuse output without one', () => {
    expect(topTable('PID COMMAND\n  7 top\n  8 other\n', new Set([7])).processes).toEqual([['7', 'top']]);
    expect(() => topTable('USER COMMAND\nroot x\n', new Set([1]))).toThrow("Couldn't find PID field");
  });
});
