#!/usr/bin/env bash
# Load test of axle serve's scale-out (issue 8): one server on the embedded default (SQLite and
# files in its folder) against replicas sharing one PostgreSQL database and one S3 bucket, in
# the same run, with wrk.
#
# Usage: bench/serve-scale.sh      (from anywhere; writes bench/target/serve-scale/report.md)
#
# Needs: root (each server runs in a cgroup of its own, to cap its CPU), the local package index
# these machines carry (AXLE_BENCH_INDEX, default /opt/pypi/simple: its wheels are uploaded),
# wrk, curl, and Debian's postgresql (initdb, pg_ctl). s3proxy (the S3 implementation the tests
# use) comes from Maven.
#
# Environment:
#   AXLE_BENCH_PROJECTS  how many projects are uploaded, one wheel each (default 60)
#   AXLE_BENCH_SECONDS   seconds per wrk run (default 10)
#   AXLE_BENCH_CPU       the CPU each server may use in the capped phase, in cores (default 0.35)
#
# Steps:
# 1. PostgreSQL 15 in a new cluster on a free loopback port (run as the postgres user when
#    root); s3proxy (in-memory) with the bucket "bench"; both on any core.
# 2. Three servers, as bin/axle starts them, each in a cgroup of its own: "embedded" (--root
#    only); "replica 1" and "replica 2", both with --database and --storage s3://bench/pypi.
#    The same wheels are published to the embedded server and, once, through replica 1 (the
#    replicas share what they serve).
# 3. wrk: two wrk processes of one thread and 32 connections each, for AXLE_BENCH_SECONDS,
#    cycling over every project's PEP 691 page. Cases: both processes on the embedded server;
#    both on replica 1; one on each replica. Two phases: "whole machine" (servers uncapped;
#    wrk, PostgreSQL and the servers share the 2 cores) and "capped" (each server may use
#    AXLE_BENCH_CPU cores, cgroup CPU quota, so the servers' CPU is what runs out first). One
#    unrecorded round warms the JITs; then two rounds per phase; medians of the sums, and the
#    cores used (all, the servers, PostgreSQL) from /proc.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fail() {
  echo "bench/serve-scale.sh: $*" >&2
  exit 1
}

index=${AXLE_BENCH_INDEX:-/opt/pypi/simple}
count=${AXLE_BENCH_PROJECTS:-60}
seconds=${AXLE_BENCH_SECONDS:-10}
axle=$root/bin/axle
[ -f "$index/index.html" ] || fail "no simple index at $index; set AXLE_BENCH_INDEX"
for tool in wrk curl; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install -y wrk curl)"
done
cap=${AXLE_BENCH_CPU:-0.35}
[ "$(id -u)" -eq 0 ] || fail "run as root: each server runs in a cgroup of its own, to cap its CPU"
if [ -d /sys/fs/cgroup/cpu ] && [ -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
  cgroups=v1
elif [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers; then
  cgroups=v2
else
  fail "no cgroup CPU controller under /sys/fs/cgroup"
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || fail "no PostgreSQL binaries (apt-get install -y postgresql)"

out=$root/bench/target/serve-scale
work=$out/work
rm -rf "$work"
mkdir -p "$work" "$out"
rm -f "$out/report.md" "$out"/*.txt
pids=()
as_postgres=()
[ "$(id -u)" -ne 0 ] || as_postgres=(runuser -u postgres --)
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for n in embedded replica1 replica2; do
    for g in /sys/fs/cgroup/cpu/axle-bench-$n /sys/fs/cgroup/axle-bench-$n; do
      [ ! -d "$g" ] || rmdir "$g" 2>/dev/null || true
    done
  done
  [ ! -d "$work/pg/data" ] || "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
  for _ in $(seq 300); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  fail "nothing answered at $1"
}

# --- 1. PostgreSQL and s3proxy ----------------------------------------------------------------
"$axle" --version >/dev/null # builds axle (and trains its class cache) outside the timings
./mvnw -q -o -pl axle-server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null || fail "cannot build axle-server's test classes"
. bin/lib/jdk.sh
java_home=$(axle_find_jdk)

mkdir -p "$work/pg"
[ "$(id -u)" -ne 0 ] || chown postgres "$work/pg"
"${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg/data" -U axle -A trust -E UTF8 --no-locale >/dev/null
pgport=$(free_port)
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" \
  start >/dev/null
"$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U axle -d postgres -qc "CREATE DATABASE axle" >/dev/null
database="postgresql://axle@127.0.0.1:$pgport/axle"

"$java_home/bin/java" -cp "axle-server/target/test-classes:axle-server/target/classes:$(cat "$work/cp.txt")" \
  dev.axle.server.S3Server bench >"$work/s3.endpoint" 2>"$work/s3.log" &
pids+=($!)
for _ in $(seq 300); do [ -s "$work/s3.endpoint" ] && break; sleep 0.1; done
[ -s "$work/s3.endpoint" ] || fail "s3proxy did not start (see $work/s3.log)"
export AXLE_S3_ENDPOINT=$(head -n 1 "$work/s3.endpoint") AXLE_S3_PATH_STYLE=true AXLE_S3_REGION=us-east-1 \
  AXLE_S3_ACCESS_KEY_ID=axle-test-access-key AXLE_S3_SECRET_ACCESS_KEY=axle-test-secret-key

# --- 2. the servers ----------------------------------------------------------------------------
# group NAME: the cgroup folder of server NAME. limit NAME CORES: caps it ("max": uncapped).
group() {
  if [ "$cgroups" = v1 ]; then echo "/sys/fs/cgroup/cpu/axle-bench-$1"; else echo "/sys/fs/cgroup/axle-bench-$1"; fi
}
limit() {
  local g
  g=$(group "$1")
  if [ "$cgroups" = v1 ]; then
    if [ "$2" = max ]; then echo -1 >"$g/cpu.cfs_quota_us"; else
      echo "$(awk "BEGIN { print int($2 * 100000) }")" >"$g/cpu.cfs_quota_us"; fi
  else
    if [ "$2" = max ]; then echo "max 100000" >"$g/cpu.max"; else
      echo "$(awk "BEGIN { print int($2 * 100000) }") 100000" >"$g/cpu.max"; fi
  fi
}
# serve NAME ARGS...: starts a server in its own cgroup; sets NAME's base URL.
declare -A base
servers=()
serve() {
  local name=$1
  shift
  local port g
  port=$(free_port)
  g=$(group "$name")
  mkdir -p "$g"
  servers+=("$name")
  limit "$name" max
  sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' sh "$g" "$axle" serve --root "$work/$name" \
    --port "$port" "$@" >"$out/$name.log" 2>&1 &
  pids+=($!)
  base[$name]=http://127.0.0.1:$port
  wait_for "${base[$name]}/health/ready"
}
serve embedded
serve replica1 --database "$database" --storage s3://bench/pypi
serve replica2 --database "$database" --storage s3://bench/pypi

wheels=()
for f in $(ls "$(cd "$index/.." && pwd)/files"/*.whl | awk -F/ '{split($NF, p, "-"); if (!seen[tolower(p[1])]++) print}' |
  head -n "$count"); do
  wheels+=("$f")
done
[ "${#wheels[@]}" -gt 0 ] || fail "no wheels in $index/../files"
publish() {
  local token
  token=$("$axle" token create --root "$work/$1" --index main --name "bench-$1" "${@:2}" | head -n 1)
  "$axle" publish --repository-url "${base[$1]}/main/" --token "$token" "${wheels[@]}" >"$out/upload-$1.log" 2>&1 ||
    { tail -n 20 "$out/upload-$1.log"; fail "axle publish could not upload to $1"; }
}
publish embedded
publish replica1 --database "$database" --storage s3://bench/pypi

# The same projects through every server (the replicas share them), as PEP 691 page paths.
curl -sf -H 'Accept: application/vnd.pypi.simple.v1+json' "${base[embedded]}/simple/" |
  python3 -c 'import json, sys; [print("/simple/%s/" % p["name"].lower().replace("_", "-").replace(".", "-")) for p in json.load(sys.stdin)["projects"]]' \
  >"$work/paths.txt"
[ "$(wc -l <"$work/paths.txt")" -eq "${#wheels[@]}" ] || fail "the embedded server lists $(wc -l <"$work/paths.txt") projects, not ${#wheels[@]}"
for name in replica1 replica2; do
  cmp -s <(curl -sf -H 'Accept: application/vnd.pypi.simple.v1+json' "${base[embedded]}/simple/" | python3 -c 'import json,sys; print(sorted(p["name"] for p in json.load(sys.stdin)["projects"]))') \
    <(curl -sf -H 'Accept: application/vnd.pypi.simple.v1+json' "${base[$name]}/simple/" | python3 -c 'import json,sys; print(sorted(p["name"] for p in json.load(sys.stdin)["projects"]))') ||
    fail "$name does not list what the embedded server lists"
done
{
  echo 'local paths = {}'
  echo 'for line in io.lines("'"$work/paths.txt"'") do paths[#paths + 1] = line end'
  echo 'local i = 0'
  echo 'request = function()'
  echo '  i = i % #paths + 1'
  echo '  return wrk.format("GET", paths[i], {["Accept"] = "application/vnd.pypi.simple.v1+json"})'
  echo 'end'
  echo 'done = function(summary, latency, requests)'
  echo '  io.write(string.format("requests %d errors %d non2xx %d timeouts %d\n", summary.requests,'
  echo '    summary.errors.connect + summary.errors.read + summary.errors.write,'
  echo '    summary.errors.status, summary.errors.timeout))'
  echo 'end'
} >"$work/pages.lua"

# --- 3. wrk --------------------------------------------------------------------------------
# load CASE URL1 URL2: two wrk processes at once (one per URL); appends "CASE req/s" to results.
# cpu: prints "total busy java postgres" CPU seconds so far (all cores; java is the servers and
# s3proxy, which pages never reach).
cpu() {
  python3 - <<'EOF'
import os
hz = os.sysconf("SC_CLK_TCK")
fields = open("/proc/stat").readline().split()[1:]
busy = sum(int(f) for f in fields) - int(fields[3]) - int(fields[4])
by = {"java": 0, "postgres": 0}
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open("/proc/%s/stat" % pid).read()
    except OSError:
        continue
    comm = stat[stat.index("(") + 1:stat.rindex(")")]
    if comm in by:
        rest = stat[stat.rindex(")") + 2:].split()
        by[comm] += int(rest[11]) + int(rest[12])
print(busy / hz, by["java"] / hz, by["postgres"] / hz)
EOF
}
load() {
  local name=$1
  local before
  before=$(cpu)
  wrk -t1 -c32 -d"${seconds}s" -s "$work/pages.lua" "$2" >"$out/wrk-$name-a.txt" 2>&1 &
  local a=$!
  wrk -t1 -c32 -d"${seconds}s" -s "$work/pages.lua" "$3" >"$out/wrk-$name-b.txt" 2>&1 &
  local b=$!
  wait "$a" "$b" || fail "wrk failed (see $out/wrk-$name-*.txt)"
  local after
  after=$(cpu)
  python3 - "$name" "$before" "$after" "$seconds" "$out/wrk-$name-a.txt" "$out/wrk-$name-b.txt" >>"$out/results.txt" <<'EOF'
import re, sys
total = 0.0
timeouts = 0
before = [float(x) for x in sys.argv[2].split()]
after = [float(x) for x in sys.argv[3].split()]
# Cores used over the run: all, the Java processes (servers), PostgreSQL; the rest is mostly wrk.
cores = [(a - b) / float(sys.argv[4]) for a, b in zip(after, before)]
for path in sys.argv[5:]:
    text = open(path).read()
    m = re.search(r"requests (\d+) errors (\d+) non2xx (\d+) timeouts (\d+)", text)
    if m is None or int(m.group(2)) or int(m.group(3)):
        sys.exit("%s: errors in %s" % (sys.argv[1], path))
    timeouts += int(m.group(4))
    total += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
# wrk counts a request unanswered after 2 s as a timeout: reported, as a latency, not an error.
print(sys.argv[1], total, timeouts, "%.2f" % cores[0], "%.2f" % cores[1], "%.2f" % cores[2])
EOF
}
: >"$out/results.txt"
load warmup-embedded "${base[embedded]}" "${base[embedded]}"
load warmup-replica1 "${base[replica1]}" "${base[replica1]}"
load warmup-replica2 "${base[replica2]}" "${base[replica2]}"
: >"$out/results.txt"
for phase in whole capped; do
  for n in "${servers[@]}"; do
    if [ "$phase" = whole ]; then limit "$n" max; else limit "$n" "$cap"; fi
  done
  for round in 1 2; do
    load "$phase:embedded-$round" "${base[embedded]}" "${base[embedded]}"
    load "$phase:one-replica-$round" "${base[replica1]}" "${base[replica1]}"
    load "$phase:two-replicas-$round" "${base[replica1]}" "${base[replica2]}"
  done
done

python3 - "$out/results.txt" "$("$axle" --version | head -n 1)" "$("$pgbin/postgres" --version)" \
  "${#wheels[@]}" "$seconds" "$(git rev-parse --short HEAD)" "$cap" >"$out/report.md" <<'EOF'
import statistics, sys
results = {}
timeouts = {}
cpu = {}
for line in open(sys.argv[1]):
    name, rps, slow, busy, java, pg = line.split()
    key = name.rsplit("-", 1)[0]
    results.setdefault(key, []).append(float(rps))
    timeouts[key] = timeouts.get(key, 0) + int(slow)
    cpu.setdefault(key, []).append((float(busy), float(java), float(pg)))
print("axle %s, %s, %s projects, wrk 2 x (1 thread, 32 connections) x %s s, commit %s"
      % (sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]))
rows = [("embedded", "1, SQLite + files"), ("one-replica", "1, PostgreSQL + S3"),
        ("two-replicas", "2, PostgreSQL + S3")]
for phase, title in [("whole", "whole machine: servers uncapped, sharing the 2 cores with wrk and PostgreSQL"),
                     ("capped", "capped: each server may use %s cores (cgroup CPU quota)" % sys.argv[7])]:
    base = statistics.median(results[phase + ":embedded"])
    print()
    print("%s:" % title)
    print()
    print("| case | servers | requests/s (median of 2) | vs embedded | over 2 s | cores busy: all / servers / PostgreSQL |")
    print("|---|---|---:|---:|---:|---|")
    for key, servers in rows:
        k = phase + ":" + key
        m = statistics.median(results[k])
        used = [statistics.mean(c[i] for c in cpu[k]) for i in range(3)]
        print("| %s | %s | %s | %.2fx | %d | %.2f / %.2f / %.2f |" % (key, servers, format(round(m), ","), m / base,
                                                                  timeouts[k], *used))
EOF
cat "$out/report.md"
