#!/usr/bin/env bash
# npm run up [-- --machines N --state-dir DIR --tag TAG --no-outbound] — a local Berth cluster
# on this machine: etcd and Redis on loopback, a bridge (the fabric) and N machines (network
# namespaces on it, each with its own bin/berthd). Everything it makes is recorded in the state
# dir (default /var/lib/berth-local), and `npm run down` removes exactly that.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

exec node dist/deploy/local-cluster/main.js up "$@"
