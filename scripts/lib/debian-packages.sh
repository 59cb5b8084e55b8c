# The Debian packages Berth needs, in one place: sourced by scripts/setup.sh (a machine that builds
# and tests Berth) and scripts/install.sh (a machine that runs an installed Berth). Every host
# program the code runs is listed with its package in libs/process/src/host-programs.ts, and its
# spec checks these lists have it.

# What an installed engine (berthd, berth-runtime) runs: ip and bridge, iptables and nft, sysctl
# and ps, mount/umount, nsenter/unshare, tar, the CNI plugins, and useradd/usermod (passwd) for
# --userns-remap default.
# shellcheck disable=SC2034
BERTH_PACKAGES=(iproute2 iptables nftables procps util-linux mount tar containernetworking-plugins passwd)

# What a manager machine adds: an etcd member (etcdctl to check it), Redis for rollout jobs (on
# one manager), and openssl for the certificates of deploy/tls/etcd-certs.sh (docs/deploy.md).
# shellcheck disable=SC2034
MANAGER_PACKAGES=(etcd-server etcd-client redis-server openssl)

# What building, testing and benchmarking add. runc, crun and skopeo are peers the tests and
# benchmarks compare against, docker-registry a real registry for them (with htpasswd and
# openssl, a manager package, for its auth); Berth itself never calls any of them. docker.io brings the docker
# client, which the tests of Berth's Docker API drive (and dockerd, a benchmark peer).
# debootstrap and systemd-container make and boot the Debian machine in which
# test/deploy/systemd.test.ts installs Berth as system services. prometheus scrapes /metrics in a
# test (its own, on loopback); chromium is the browser the dashboard's test drives.
# shellcheck disable=SC2034
DEV_PACKAGES=(gcc make libc6-dev busybox-static runc crun hyperfine jq docker-registry skopeo
  apache2-utils curl docker.io debootstrap systemd-container prometheus chromium)
