#!/usr/bin/env bash
# npm run down [-- --state-dir DIR] — takes down the local cluster `npm run up` made: stops
# the processes, removes the machines (their containers, cgroups, mounts, netns, veths), the
# fabric with its iptables rules, and etcd's and Redis's data; only what the state dir records.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f dist/deploy/local-cluster/main.js ]; then
  echo "[down] Berth is not built here (no dist/deploy/local-cluster/main.js): run npm run build first" >&2
  exit 1
fi
exec node dist/deploy/local-cluster/main.js down "$@"
