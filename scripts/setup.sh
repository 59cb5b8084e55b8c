#!/usr/bin/env bash
# Makes this machine ready to build, test and run Berth (Debian 12, as root):
# Debian packages, npm ci, the native shim and the TypeScript build.
# Idempotent: each step is skipped when already done.
# The Debian packages Berth needs, in one place: this script installs all three lists, and
# scripts/install.sh (a machine that runs an installed Berth) takes the first two with
# `source scripts/setup.sh --package-lists`, which defines them and returns. Every host program the
# code runs is listed with its package in libs/process/src/host-programs.ts, and its spec checks
# these lists have it. --no-install-recommends below means nothing arrives that is not named here
# (nftables, mount); docker.io's and prometheus' daemons are not started, now or at boot (below).

# What an installed engine (berthd, berth-runtime) runs: ip and bridge, iptables and nft, sysctl
# and ps, mount/umount, nsenter/unshare, tar, the CNI plugins, and useradd/usermod (passwd) for
# --userns-remap default.
# shellcheck disable=SC2034
BERTH_PACKAGES=(iproute2 iptables nftables procps util-linux mount tar containernetworking-plugins passwd)

# What a manager machine adds: an etcd member (etcdctl to check it), Redis for rollout jobs (on
# one manager; redis-tools holds the redis-server binary), and openssl for the certificates of
# deploy/tls/etcd-certs.sh (docs/deploy.md).
# shellcheck disable=SC2034
MANAGER_PACKAGES=(etcd-server etcd-client redis-server redis-tools openssl)

# What building, testing and benchmarking add. runc, crun and skopeo are peers the tests and
# benchmarks compare against, docker-registry a real registry for them (with htpasswd and
# openssl, a manager package, for its auth); Berth itself never calls any of them. docker.io
# brings the docker client, which the tests of Berth's Docker API drive (and dockerd, a peer).
# debootstrap and systemd-container make and boot the Debian machine in which
# test/deploy/systemd.test.ts installs Berth as system services. prometheus scrapes /metrics in a
# test (its own, on loopback); chromium is the browser the dashboard's test drives.
# shellcheck disable=SC2034
DEV_PACKAGES=(gcc make libc6-dev busybox-static runc crun hyperfine jq docker-registry skopeo
  apache2-utils curl docker.io debootstrap systemd-container prometheus chromium)

# shellcheck disable=SC2317 # the return is for a caller that sources this file
[ "${1:-}" != --package-lists ] || return 0

set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "Berth makes namespaces, cgroups and mounts: run this as root (e.g. sudo npm test)."
  exit 1
fi

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
