#!/usr/bin/env bash
# deploy/tls/etcd-certs.sh OUT_DIR NAME=IP [NAME=IP...] — the certificates of an etcd cluster
# with TLS on its peer and client ports, made with openssl (docs/deploy.md):
#   OUT_DIR/ca.crt, ca.key              the etcd CA (keep ca.key off the machines)
#   OUT_DIR/NAME/server.crt, .key       member NAME's certificate for both ports (serverAuth and
#                                       clientAuth: members are each other's clients), for IP,
#                                       NAME and 127.0.0.1
#   OUT_DIR/client/berth-manager.crt, .key  the managers' client certificate (--etcd-cert)
# This CA is etcd's alone: Berth's own cluster CA (mutual TLS between managers, engines and
# CLIs) is made by `berth cluster init` and never leaves etcd and the managers.
# Idempotent: what exists already is kept (the CA above all), so members can be added later.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 OUT_DIR NAME=IP [NAME=IP...]   (e.g. $0 ./etcd-pki m1=10.0.0.1 m2=10.0.0.2)" >&2
  exit 2
fi
out=$1
shift
days=${ETCD_CERT_DAYS:-3650}
mkdir -p "$out"
umask 077

if [ ! -f "$out/ca.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days "$days" \
    -subj "/CN=etcd CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$out/ca.key" -out "$out/ca.crt" 2>/dev/null
fi

# sign DIR/FILE.key's request for CN with the extensions EXT
sign() {
  local dir=$1 file=$2 cn=$3 ext=$4
  mkdir -p "$dir"
  [ -f "$dir/$file.crt" ] && return 0
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$cn" \
    -keyout "$dir/$file.key" -out "$dir/$file.csr" 2>/dev/null
  openssl x509 -req -in "$dir/$file.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" -CAcreateserial \
    -days "$days" -extfile <(printf '%s\n' "$ext") -out "$dir/$file.crt" 2>/dev/null
  rm -f "$dir/$file.csr"
}

for member in "$@"; do
  name=${member%%=*}
  ip=${member#*=}
  if [ -z "$name" ] || [ "$name" = "$member" ] || [ -z "$ip" ]; then
    echo "$0: $member: expected NAME=IP" >&2
    exit 2
  fi
  sign "$out/$name" server "$name" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:$name,DNS:localhost,IP:$ip,IP:127.0.0.1"
done
sign "$out/client" berth-manager berth-manager "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"
chmod 644 "$out/ca.crt" "$out"/*/*.crt
echo "etcd certificates in $out: ca.crt, $(printf '%s/server.crt ' "${@%%=*}")client/berth-manager.crt" >&2
