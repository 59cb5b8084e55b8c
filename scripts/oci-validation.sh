#!/usr/bin/env bash
# npm run validate:oci -- RUNTIME_TOOLS_DIR
#
# Runs the validation programs of the OCI runtime-tools (validation/*/*.t) against runc and
# against berth-runtime, program by program and the two runtimes interleaved, each program under
# a timeout, and prints a table of their TAP results with a closing line of totals.
#
# RUNTIME_TOOLS_DIR is an already-built checkout of opencontainers/runtime-tools: its
# `make runtimetest validation-executables` must have been run (this script builds nothing).
# The programs read ./runtimetest and ./rootfs-amd64.tar.gz, so they run from that directory.
# Needs root, like the runtimes themselves.
#
# Environment:
#   BERTH_RUNTIME            berth-runtime to measure (default: this repo's bin/berth-runtime)
#   BERTH_VALIDATION_ROOT    berth-runtime's --root for these runs (default /run/berth-validation)
#   OCI_VALIDATION_TIMEOUT   seconds one program may take (default 60)
#   OCI_VALIDATION_ONLY      program names to run, e.g. "kill state" (default: all)
#   OCI_VALIDATION_OUT       where each run's TAP, stderr and runtime calls are kept
#                            (default: a new /tmp/oci-validation.XXXXXX, printed at the end)
#
# scripts/oci-validation.sh --tabulate OUT prints the table of an earlier run again from the
# outputs it kept in OUT (its OCI_VALIDATION_OUT), running nothing.
#
# Exits 0 when every program has been run (whatever they found), 2 when it cannot run them.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
usage="usage: scripts/oci-validation.sh RUNTIME_TOOLS_DIR (a runtime-tools checkout after 'make runtimetest validation-executables'), or --tabulate OUT"
tools=${1:?$usage}
berth=${BERTH_RUNTIME:-$repo/bin/berth-runtime}
berth_root=${BERTH_VALIDATION_ROOT:-/run/berth-validation}
limit=${OCI_VALIDATION_TIMEOUT:-60}
if [ "$tools" = --tabulate ]; then out=${2:?$usage}; else out=${OCI_VALIDATION_OUT:-}; fi
runtimes=(runc berth-runtime)

die() {
  echo "oci-validation: $*" >&2
  exit 2
}

check_setup() {
  [ "$(id -u)" = 0 ] || die "run as root: the runtimes create namespaces, mounts and cgroups"
  command -v runc >/dev/null || die "runc is not installed: install Debian's runc (scripts/setup.sh does)"
  [ -x "$berth" ] || die "no berth-runtime at $berth: build the repo (npm run build) or set BERTH_RUNTIME"
  tools=$(cd "$tools" 2>/dev/null && pwd) || die "no directory $1"
  [ -x "$tools/runtimetest" ] && [ -f "$tools/rootfs-amd64.tar.gz" ] && compgen -G "$tools/validation/*/*.t" >/dev/null ||
    die "$tools has no runtimetest, rootfs-amd64.tar.gz or validation/*/*.t: run 'make runtimetest validation-executables' there"
}

# What identifies the berth-runtime build: the CLI and, in a repo checkout, the code it runs.
# Compared before and after, so a rebuild in the middle of the run is not mistaken for results.
berth_build() {
  local top
  top=$(dirname "$(readlink -f "$berth")")/..
  stat -c '%n %s %Y' "$berth" "$top/dist/apps/runtime/src/main.js" "$top/libs/runtime/native/build/berth-shim" 2>&1
}

# The programs to run: every built validation/NAME/NAME.t, or those OCI_VALIDATION_ONLY names.
programs() {
  local t name
  for t in "$tools"/validation/*/*.t; do
    name=$(basename "$t" .t)
    if [ -z "${OCI_VALIDATION_ONLY:-}" ] || [[ " $OCI_VALIDATION_ONLY " == *" $name "* ]]; then
      echo "$name"
    fi
  done
}

# The programs call $RUNTIME; these wrappers log each call (so leftovers can be found by the
# ids the programs used) and give berth-runtime a state root of its own.
write_wrappers() {
  mkdir -p "$out/bin"
  cat >"$out/bin/runc" <<EOF
#!/bin/sh
echo "\$*" >>"\${OCI_VALIDATION_CALLS:-/dev/null}"
exec runc "\$@"
EOF
  cat >"$out/bin/berth-runtime" <<EOF
#!/bin/sh
echo "\$*" >>"\${OCI_VALIDATION_CALLS:-/dev/null}"
exec "$berth" --root "$berth_root" "\$@"
EOF
  chmod +x "$out/bin/runc" "$out/bin/berth-runtime"
}

# Runs PROGRAM with RUNTIME; leaves NAME.tap, NAME.err, NAME.calls and NAME.rc in $out/RUNTIME.
# The programs make their bundles under TMPDIR: one of this run's own, so what they leave is ours.
run_program() {
  local program=$1 runtime=$2 dir="$out/$2" rc=0
  mkdir -p "$dir" "$out/bundles"
  : >"$dir/$program.calls"
  (cd "$tools" && TMPDIR="$out/bundles" OCI_VALIDATION_CALLS="$dir/$program.calls" RUNTIME="$out/bin/$runtime" \
    timeout -k 5 "$limit" "validation/$program/$program.t" >"$dir/$program.tap" 2>"$dir/$program.err" </dev/null) || rc=$?
  echo "$rc" >"$dir/$program.rc"
  clean_up_after "$program" "$runtime" "$dir/$program.calls"
}

# A leftover worth knowing (a container or host mounts outlived the program), kept for the summary.
leftover() {
  echo "oci-validation: $1" >&2
  echo "$1" >>"$out/leftovers.txt"
}

# Removes what a run left behind: containers it created that still exist (a program that timed
# out or failed before its own cleanup) and their cgroups; its bundles, after unmounting what a
# runtime left mounted in them on the host (never removing across a mount: a bundle may hold a
# bind mount of the host's /etc); and the cgroups the suite names (cgrouptest,
# testdir/cgrouptest/container, also relative to the runtime's own cgroup) once empty.
clean_up_after() {
  local program=$1 runtime=$2 calls=$3 id bundle mounts cgroup
  for id in $(sed -n 's/^\(create\|run\) .* \([^ ]*\)$/\2/p' "$calls" | sort -u); do
    if "$out/bin/$runtime" state "$id" >/dev/null 2>&1; then
      leftover "$program/$runtime: container $id still existed after the program; deleting it"
      OCI_VALIDATION_CALLS=/dev/null "$out/bin/$runtime" delete --force "$id" >/dev/null 2>&1 ||
        leftover "$program/$runtime: could not delete container $id"
    fi
    for cgroup in $(find /sys/fs/cgroup -mindepth 2 -maxdepth 5 -type d -name "$id" 2>/dev/null); do
      rmdir "$cgroup" 2>/dev/null || leftover "$program/$runtime: cgroup $cgroup of container $id is not empty"
    done
  done
  for bundle in "$out"/bundles/ocitest*; do
    [ -d "$bundle" ] || continue
    mounts=$(findmnt -rn -o TARGET | grep -c "^$bundle\(/\|$\)" || true)
    if [ "$mounts" != 0 ]; then
      leftover "$program/$runtime: $mounts mounts left on the host under its bundle $bundle; unmounting them"
      umount -R "$bundle" || { leftover "$program/$runtime: could not unmount $bundle; kept"; continue; }
    fi
    rm -rf --one-file-system "$bundle" || leftover "$program/$runtime: could not remove $bundle"
  done
  for cgroup in $(find /sys/fs/cgroup -mindepth 2 -maxdepth 6 -depth -type d \
    \( -path '*/testdir/cgrouptest/container' -o -path '*/testdir/cgrouptest' -o -name testdir -o -name cgrouptest \) 2>/dev/null); do
    rmdir "$cgroup" 2>/dev/null || true
  done
}

# "VERDICT PASS FAIL SKIP NOTE" for one run: ok when it exited 0 within the time, printed a plan,
# every planned assert came out ok (a skip counts as ok, as with prove), and nothing says otherwise
# where TAP cannot: some programs print several TAP documents (their plans add up); the lifecycle
# programs (hooks, prestart, …) assert nothing and report a failure only as an "error" diagnostic
# beside a plan of 1..0, or (poststart, poststop: a hook that never ran) only as a WARNING on
# stderr; and a program whose asserts rest on a runtimetest run in the container
# passes hollow when the runtime did not hand the container's stdout back (its "stdout" is empty,
# where runtimetest always prints TAP).
tap_summary() {
  local dir="$out/$2" program=$1 rc plan="" pass=0 fail=0 skip=0 line note="" hollow error=""
  rc=$(cat "$dir/$program.rc")
  while IFS= read -r line; do
    if [[ $line =~ ^1\.\.([0-9]+) ]]; then plan=$((${plan:-0} + BASH_REMATCH[1]))
    elif [[ $line =~ ^not\ ok([^#]*#\ *TODO) ]]; then skip=$((skip + 1))
    elif [[ $line == "not ok"* ]]; then fail=$((fail + 1))
    elif [[ $line =~ ^ok[^#]*#\ *[Ss][Kk][Ii][Pp] ]]; then skip=$((skip + 1))
    elif [[ $line == "ok"* ]]; then pass=$((pass + 1))
    fi
  done <"$dir/$program.tap"
  hollow=$(grep -c '^    "stdout": ""$' "$dir/$program.tap" || true)
  error=$(grep -m1 -o '^    "error": "[^"\\]\{0,60\}' "$dir/$program.tap" | cut -c15- || true)
  [ -n "$error" ] || error=$(grep -m1 -o '^WARNING: .\{0,60\}' "$dir/$program.err" || true)
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then note="timeout ${limit}s"
  elif [ -z "$plan" ] && [ "$rc" = 0 ] && grep -q '^failed to create the container' "$dir/$program.err"; then
    # process_capabilities_fail, process_rlimits_fail: a refused create is their pass, told by
    # exiting 0 without any TAP
    echo "ok 0 0 0 no TAP: create refused, as the program wants"
    return
  elif [ -z "$plan" ]; then note="no TAP plan, exit $rc"
  elif [ $((pass + fail + skip)) != "$plan" ]; then note="$((pass + fail + skip)) of $plan planned, exit $rc"
  elif [ "$rc" != 0 ]; then note="exit $rc"
  elif [ "$plan" = 0 ] && [ -n "$error" ]; then note="no asserts; error: $error"
  elif [ "$hollow" != 0 ]; then note="$hollow inner runtimetest outputs empty"
  fi
  if [ -z "$note" ] && [ "$fail" = 0 ]; then echo "ok $pass $fail $skip"; else echo "not_ok $pass $fail $skip $note"; fi
}

cell() {
  local verdict pass fail skip note
  read -r verdict pass fail skip note <<<"$1"
  printf '%s %s/%s/%s%s' "${verdict/_/ }" "$pass" "$fail" "$skip" "${note:+ ($note)}"
}

# Runs every program with each runtime in turn; keeps what tabulate needs in $out.
run_all() {
  local list program runtime build_before
  check_setup "$@"
  if [ -z "$out" ]; then out=$(mktemp -d /tmp/oci-validation.XXXXXX); fi
  mkdir -p "$out"
  write_wrappers
  list=$(programs)
  [ -n "$list" ] || die "no validation program matches OCI_VALIDATION_ONLY='${OCI_VALIDATION_ONLY:-}'"
  echo "$limit" >"$out/timeout"
  build_before=$(berth_build)
  for program in $list; do
    for runtime in "${runtimes[@]}"; do
      echo "oci-validation: $program with $runtime" >&2
      run_program "$program" "$runtime"
    done
  done
  if [ "$(berth_build)" != "$build_before" ]; then
    echo "WARNING: berth-runtime's build changed during the run: its results mix builds; run again" \
      "(or point BERTH_RUNTIME at a copy of the build)" >"$out/build-changed"
  fi
}

# The table of the run kept in $out, and its totals.
tabulate() {
  local program runc berth ok_runc=0 ok_berth=0 only_runc=0 n=0
  [ -f "$out/timeout" ] || die "$out holds no run of this script"
  limit=$(cat "$out/timeout")
  printf '\n%-36s | %-40s | %s\n' program "runc (pass/fail/skip)" "berth-runtime (pass/fail/skip)"
  printf '%s\n' "-------------------------------------+------------------------------------------+-------------------------------------------"
  for program in $(ls "$out/runc" | sed -n 's/\.rc$//p'); do
    [ -f "$out/berth-runtime/$program.rc" ] || continue
    n=$((n + 1))
    runc=$(tap_summary "$program" runc)
    berth=$(tap_summary "$program" berth-runtime)
    printf '%-36s | %-40s | %s\n' "$program" "$(cell "$runc")" "$(cell "$berth")"
    if [[ $runc == ok* ]]; then ok_runc=$((ok_runc + 1)); fi
    if [[ $berth == ok* ]]; then ok_berth=$((ok_berth + 1)); fi
    if [[ $runc == ok* && $berth != ok* ]]; then only_runc=$((only_runc + 1)); fi
  done
  echo
  echo "programs run: $n, each under a ${limit}s timeout"
  echo "programs passing: runc $ok_runc, berth-runtime $ok_berth, passing for runc but not berth: $only_runc"
  if [ -f "$out/build-changed" ]; then cat "$out/build-changed"; fi
  if [ -s "$out/leftovers.txt" ]; then
    echo "left behind by the programs (and cleaned up by this script):"
    sed 's/^/  /' "$out/leftovers.txt"
  fi
  echo "TAP, stderr and runtime calls of each run: $out/{runc,berth-runtime}/PROGRAM.{tap,err,calls}"
}

if [ "$tools" != --tabulate ]; then run_all "$@"; fi
tabulate
