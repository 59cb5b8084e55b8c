#!/usr/bin/env bash
# npm run bench:<name> — prepare the machine, then run dist/bench/<name>.js.
# crun 1.8 refuses a hybrid cgroup layout while any controller is still on
# cgroup2; for the runtime benchmark we bind such controllers to v1 hierarchies
# of their own for the duration, and undo exactly what we did afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench.sh NAME}
bash scripts/setup.sh
if { [ "$name" = engine ] || [ "$name" = docker-api ] || [ "$name" = rollout ] || [ "$name" = cluster ]; } && ! command -v dockerd >/dev/null; then
  echo "[bench] installing Debian's docker.io to measure Docker beside Berth" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io >/dev/null
fi

mounted=()
undo() { for d in "${mounted[@]}"; do umount "$d" && rmdir "$d" 2>/dev/null || true; done; }
trap undo EXIT
unified=/sys/fs/cgroup/unified/cgroup.controllers
if [ "$name" = runtime ] && [ -f "$unified" ]; then
  for c in $(cat "$unified"); do
    d=/sys/fs/cgroup/$c
    mountpoint -q "$d" && continue
    mkdir -p "$d" && mount -t cgroup -o "$c" cgroup "$d" && mounted+=("$d")
    echo "[bench] bound cgroup controller $c to a v1 hierarchy at $d for crun (unmounted on exit; the kernel keeps it on v1 until reboot)" >&2
  done
fi
node "dist/bench/$name.js"
