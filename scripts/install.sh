#!/usr/bin/env bash
# scripts/install.sh — installs Berth on this machine (Debian 12, as root) as system services:
# the Debian packages it runs, a built Berth under /opt/berth (dist, production node_modules,
# the native shim, the launchers and the Node.js it was built with), berth, berthd,
# berth-manager and berth-runtime in /usr/local/bin, the systemd units, /etc/berth and the
# data dirs. Enables the units; starts them only with --start. Idempotent.
#
# Run it from a built checkout (npm run build) or from an installed /opt/berth copied to another
# machine (it carries this script): see docs/deploy.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/install.sh [OPTIONS]

Installs Berth as system services (berthd, and berth-manager with --manager).

Options:
  --manager        also install etcd-server and redis-server and enable berth-manager.service
  --start          start (or restart) the enabled services once installed
  --no-packages    do not install Debian packages (they must be there already)
  --uninstall      stop and remove what an install put there; keeps /etc/berth and the data
  --purge          with --uninstall: remove /etc/berth and the data too (/var/lib/berth,
                   /var/lib/berth-manager, /run/berth)
  -h, --help       this help
EOF
}

PREFIX=/opt/berth
BIN_DIR=/usr/local/bin
UNIT_DIR=/etc/systemd/system
CONF_DIR=/etc/berth
PROGRAMS=(berth berthd berth-manager berth-runtime)
UNITS=(berthd.service berth-manager.service)
DATA_DIRS=(/var/lib/berth /var/lib/berth-manager /run/berth)

say() { printf '[install] %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}

manager=0 start=0 packages=1 uninstall=0 purge=0
for arg in "$@"; do
  case "$arg" in
    --manager) manager=1 ;;
    --start) start=1 ;;
    --no-packages) packages=0 ;;
    --uninstall) uninstall=1 ;;
    --purge) purge=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown option $arg (see --help)" ;;
  esac
done
[ "$purge" = 0 ] || [ "$uninstall" = 1 ] || die "--purge goes with --uninstall"
[ "$(id -u)" -eq 0 ] || die "installing system services needs root: run it with sudo"

# systemctl, when this machine runs systemd (a chroot or an image being built does not: the
# units are then installed and enabled by their links alone)
have_systemd() { [ -d /run/systemd/system ]; }

uninstall() {
  # the data of running containers (their overlay roots, logs) is under what --purge removes
  if [ "$purge" = 1 ] && compgen -G '/run/berth/containers/*/pid' >/dev/null; then
    die "containers still run (/run/berth/containers): remove them first (berth rm -f \$(berth ps -aq)), then --uninstall --purge"
  fi
  if have_systemd; then
    # KillMode=process: stopping berthd leaves the containers running
    systemctl disable --now "${UNITS[@]}" >/dev/null 2>&1 || true
  else
    rm -f "$UNIT_DIR"/multi-user.target.wants/{berthd,berth-manager}.service
  fi
  for unit in "${UNITS[@]}"; do rm -f "$UNIT_DIR/$unit"; done
  have_systemd && systemctl daemon-reload
  for program in "${PROGRAMS[@]}"; do
    # only links that are ours
    if [ -L "$BIN_DIR/$program" ] && [[ "$(readlink "$BIN_DIR/$program")" == "$PREFIX"/* ]]; then
      rm -f "$BIN_DIR/$program"
    fi
  done
  rm -rf "$PREFIX" "$PREFIX.new" "$PREFIX.old"
  if [ "$purge" = 1 ]; then
    say "removing $CONF_DIR and the data: ${DATA_DIRS[*]}"
    rm -rf "$CONF_DIR"
    for dir in "${DATA_DIRS[@]}"; do
      [ -d "$dir" ] || continue
      # what is in it, not what is mounted below it; the dir itself unless it is a mount point
      find "$dir" -mindepth 1 -maxdepth 1 -exec rm -rf --one-file-system {} +
      rmdir "$dir" 2>/dev/null || say "$dir is a mount point: emptied, left in place"
    done
  else
    say "kept $CONF_DIR and the data (${DATA_DIRS[*]}); --uninstall --purge removes them"
  fi
  say "uninstalled"
}

if [ "$uninstall" = 1 ]; then
  uninstall
  exit 0
fi

# ---- what to install from: a built checkout, or an installed tree (which carries this script)
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for f in dist/apps/agent/src/main.js dist/apps/manager/src/main.js dist/apps/cli/src/launch.js \
  dist/apps/runtime/src/main.js libs/runtime/native/build/berth-shim bin/berthd \
  deploy/systemd/berthd.service deploy/tls/etcd-certs.sh scripts/setup.sh package.json; do
  [ -e "$SRC/$f" ] || die "$SRC/$f is missing: run \`npm run build\` in $SRC first"
done
[ -d "$SRC/node_modules" ] || die "$SRC/node_modules is missing: run \`npm ci\` in $SRC first"
if [ -x "$SRC/node/bin/node" ]; then
  node_bin=$SRC/node/bin/node
else
  node_bin=$(command -v node) || die "no node on PATH: Berth is installed with the Node.js (>= 20) that built it"
fi
node_major=$("$node_bin" -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "$node_bin is Node.js $node_major; Berth needs 20 or newer"

# ---- Debian packages (the lists are at the top of scripts/setup.sh)
# shellcheck source=setup.sh
source "$SRC/scripts/setup.sh" --package-lists
wanted=("${BERTH_PACKAGES[@]}")
[ "$manager" = 0 ] || wanted+=("${MANAGER_PACKAGES[@]}")
if [ "$packages" = 1 ]; then
  missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    # etcd and Redis must not start with Debian's defaults (a one-member etcd would make its
    # data dir before the cluster is configured): policy-rc.d keeps them stopped, as in
    # Debian's images; docs/deploy.md configures and starts them
    made_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
    fi
    rc=0
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || rc=$?
    if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
    [ "$rc" = 0 ] || die "apt-get install ${missing[*]} failed ($rc)"
  fi
fi

# ---- /opt/berth, staged beside it and swapped in whole: a running berthd keeps the files it
# has open, and a failed copy leaves the old install as it was
if [ "$SRC" != "$PREFIX" ]; then
  say "installing Berth from $SRC into $PREFIX"
else
  say "reinstalling $PREFIX from itself"
fi
stage=$PREFIX.new
rm -rf "$stage"
mkdir -p "$stage/node/bin" "$stage/libs/runtime/native/build" "$stage/scripts" "$stage/deploy" "$stage/docs"
cp -a "$SRC/dist" "$SRC/bin" "$SRC/package.json" "$stage/"
[ ! -f "$SRC/package-lock.json" ] || cp -a "$SRC/package-lock.json" "$stage/"
cp -a "$SRC/libs/runtime/native/build/berth-shim" "$stage/libs/runtime/native/build/"
cp -a "$SRC/scripts/install.sh" "$stage/scripts/"
cp -a "$SRC/scripts/setup.sh" "$stage/scripts/"
cp -a "$SRC/deploy/systemd" "$SRC/deploy/tls" "$stage/deploy/"
[ ! -f "$SRC/docs/deploy.md" ] || cp -a "$SRC/docs/deploy.md" "$stage/docs/"
cp "$node_bin" "$stage/node/bin/node"
# node_modules may be a link (a worktree's): copy what it points at
cp -a "$(readlink -f "$SRC/node_modules")/." "$stage/node_modules/"
if [ ! -x "$SRC/node/bin/node" ]; then
  # from a checkout: production dependencies only, from the lock file, without the network (an
  # installed tree, which carries its node, has only those already)
  npm_cli=$(dirname "$(readlink -f "$node_bin")")/../lib/node_modules/npm/bin/npm-cli.js
  [ -f "$npm_cli" ] || npm_cli=$(command -v npm) || die "npm is needed to leave out the dev dependencies"
  (cd "$stage" && "$node_bin" "$npm_cli" prune --omit=dev --offline --no-audit --no-fund --loglevel=error >/dev/null) ||
    die "npm prune --omit=dev failed in $stage"
fi
"$stage/node/bin/node" "$stage/bin/berthd" --help >/dev/null ||
  die "the staged berthd does not start (see above): $PREFIX is left as it was"
if [ -e "$PREFIX" ]; then
  rm -rf "$PREFIX.old"
  mv "$PREFIX" "$PREFIX.old"
fi
mv "$stage" "$PREFIX"
rm -rf "$PREFIX.old"

for program in "${PROGRAMS[@]}"; do ln -sfn "$PREFIX/bin/$program" "$BIN_DIR/$program"; done

# ---- configuration (the operator's: never overwritten) and the data dirs
install -d -m 0755 "$CONF_DIR"
for conf in berthd.conf berth-manager.conf; do
  [ -e "$CONF_DIR/$conf" ] || install -m 0644 "$PREFIX/deploy/systemd/$conf" "$CONF_DIR/$conf"
done
install -d -m 0711 /var/lib/berth
install -d -m 0700 /var/lib/berth-manager /run/berth

# ---- units
for unit in "${UNITS[@]}"; do install -m 0644 "$PREFIX/deploy/systemd/$unit" "$UNIT_DIR/$unit"; done
enable=(berthd.service)
[ "$manager" = 0 ] || enable+=(berth-manager.service)
if have_systemd; then
  systemctl daemon-reload
  systemctl enable "${enable[@]}" >/dev/null 2>&1
  if [ "$start" = 1 ]; then
    say "starting ${enable[*]}"
    # restart: a berthd already running takes the new install (its containers keep running)
    systemctl restart "${enable[@]}"
  fi
else
  # no systemd running (a chroot, an image being built): enable by the links systemctl makes
  mkdir -p "$UNIT_DIR/multi-user.target.wants"
  for unit in "${enable[@]}"; do ln -sfn "$UNIT_DIR/$unit" "$UNIT_DIR/multi-user.target.wants/$unit"; done
  [ "$start" = 0 ] || say "systemd is not running here: nothing started"
fi
say "installed: ${enable[*]} enabled$([ "$start" = 1 ] && echo ' and started')"
say "settings: $CONF_DIR/berthd.conf$([ "$manager" = 1 ] && echo " and $CONF_DIR/berth-manager.conf")"
