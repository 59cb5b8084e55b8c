#!/usr/bin/env bash
# npm run demo — what Berth can do today, on this machine: the engine (berthd)
# with its own data and run roots, and bin/berth used as one uses docker: an
# image imported from a busybox rootfs, a web server published on a host
# port, two containers finding each other by name on a user network, a named
# volume outliving its container. Everything it makes is removed at the end.
# (The local cluster, `npm run up`, comes with the manager: see the README.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

work=$(mktemp -d /tmp/berth-demo.XXXXXX)
export BERTH_HOST=unix://$work/run/berth.sock
bridge=berthdemo0
subnet=10.87.0.0/24
agent=
cleanup() {
  set +e
  if [ -n "$agent" ]; then
    ids=$(bin/berth ps -aq)
    [ -n "$ids" ] && bin/berth rm -f -v $ids >/dev/null
    bin/berth network rm demo-net >/dev/null 2>&1
    bin/berth volume rm demo-data >/dev/null 2>&1
    kill -TERM "$agent" && wait "$agent" 2>/dev/null
  fi
  ip link delete "$bridge" 2>/dev/null
  while iptables -w -t nat -D POSTROUTING -s "$subnet" ! -o "$bridge" -j MASQUERADE -m comment --comment "berth $bridge" 2>/dev/null; do :; done
  for d in /sys/fs/cgroup/*/berth-demo /sys/fs/cgroup/berth-demo; do rmdir "$d" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

bin/berthd --data-root "$work/data" --exec-root "$work/run" -H "$BERTH_HOST" --bridge "$bridge" \
  --bip "$subnet" --network-pool 10.86.0.0/16 --cgroup-parent berth-demo --log-level warn &
agent=$!
for _ in $(seq 100); do bin/berth version >/dev/null 2>&1 && break; sleep 0.1; done

node -e "require('./dist/deploy/busybox-rootfs').buildBusyboxRootfs(process.argv[1])" "$work/rootfs"
step "tar -C rootfs -c . | berth import - busybox"
tar -C "$work/rootfs" -c . | bin/berth import -c 'CMD ["sh"]' - busybox
step "berth run --rm busybox sh -c 'echo hello from \$(hostname); ps'"
bin/berth run --rm busybox sh -c 'echo hello from $(hostname); ps'

port=$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
step "berth run -d --name web -p $port:80 busybox httpd -f -p 80 -h /www"
bin/berth run -d --name web -p "$port:80" busybox sh -c 'mkdir -p /www && echo "served by Berth" > /www/index.html && exec httpd -f -p 80 -h /www'
sleep 0.5
step "curl http://127.0.0.1:$port/"
curl -s "http://127.0.0.1:$port/"

step "berth network create demo-net && berth run -d --name db --network demo-net busybox sleep 300"
bin/berth network create demo-net >/dev/null
bin/berth run -d --name db --network demo-net -v demo-data:/data busybox sh -c 'echo kept > /data/note; sleep 300' >/dev/null
step "berth run --rm --network demo-net busybox ping -c 1 db"
bin/berth run --rm --network demo-net busybox ping -c 1 db

step "berth ps"
bin/berth ps
step "berth rm -f db && berth run --rm -v demo-data:/data busybox cat /data/note"
bin/berth rm -f db >/dev/null
bin/berth run --rm -v demo-data:/data busybox cat /data/note
step "berth logs web; berth stop web"
bin/berth logs web
bin/berth stop -t 1 web
