#!/usr/bin/env bash
# Makes this machine ready to build, test and run Berth (Debian 12, as root):
# Debian packages, npm ci, the native shim and the TypeScript build.
# Idempotent: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "Berth makes namespaces, cgroups and mounts: run this as root (e.g. sudo npm test)."
  exit 1
fi

# The packages (what an installed Berth runs, a manager machine's etcd and Redis, and what the
# build, tests and benchmarks add) are named in scripts/lib/debian-packages.sh.
# --no-install-recommends below means nothing arrives that is not named there (nftables, mount).
# docker.io's and prometheus' daemons are not started, now or at boot (below).
# shellcheck source=lib/debian-packages.sh
source scripts/lib/debian-packages.sh
PACKAGES=("${BERTH_PACKAGES[@]}" "${MANAGER_PACKAGES[@]}" "${DEV_PACKAGES[@]}")

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  # no daemon these packages bring starts while they install (policy-rc.d, as in Debian's
  # images): the tests start the etcd, Redis and registries they need, on their own ports
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  rc=0
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || rc=$?
  if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  [ "$rc" = 0 ] || exit "$rc"
  # nor dockerd at boot: it would take /var/run/docker.sock and set the FORWARD policy to DROP
  if [[ " ${missing[*]} " == *" docker.io "* ]] && [ -d /run/systemd/system ]; then
    systemctl disable --now docker.service docker.socket >/dev/null 2>&1 || true
  fi
  # nor Prometheus's own daemon: the test runs one of its own, with its own configuration
  if [[ " ${missing[*]} " == *" prometheus "* ]] && [ -d /run/systemd/system ]; then
    systemctl disable --now prometheus.service >/dev/null 2>&1 || true
  fi
fi

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  say "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))."
  exit 1
fi

# npm ci when node_modules is missing or older than the lock file
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "building the native shim and the TypeScript"
npm run --silent build >/dev/null
