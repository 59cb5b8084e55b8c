#!/usr/bin/env bash
# npm run demo — what Berth can do today, on this machine: a container made by
# Berth's own executor from a busybox image, with its own pid/uts/mount/net
# namespaces, cgroup limits and Docker's default capabilities.
# (The local cluster, `npm run up`, comes with the manager: see the README.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

work=$(mktemp -d /tmp/berth-demo.XXXXXX)
trap 'bin/berth-runtime --root "$work/state" delete --force demo >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

node -e "require('./dist/test/support/rootfs').buildBusyboxRootfs(process.argv[1])" "$work/rootfs"
mkdir -p "$work/bundle"
node -e '
  const { buildSpec } = require("./dist/libs/runtime/src");
  const spec = buildSpec({
    args: ["sh", "-c", "echo \"hello from $(hostname), I am PID $$\"; echo processes I can see:; ps; echo network:; ls /sys/class/net; grep CapEff /proc/self/status; echo memory limit: $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max)"],
    rootfs: { path: process.argv[1] }, hostname: "demo", memoryBytes: 64 << 20, pidsLimit: 50, readOnlyRootfs: true,
  });
  require("fs").writeFileSync(process.argv[2], JSON.stringify(spec, null, 2));
' "$work/rootfs" "$work/bundle/config.json"

echo "\$ berth-runtime run demo   (bundle: $work/bundle)"
bin/berth-runtime --root "$work/state" --cgroup-parent berth-demo run --bundle "$work/bundle" demo
status=$?
rmdir /sys/fs/cgroup/*/berth-demo 2>/dev/null || true
exit $status
