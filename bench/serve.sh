#!/usr/bin/env bash
# Times `axle serve` against nginx serving the same bytes as static files, with wrk, in one
# run (issue 6's goals: simple pages at least 0.8x nginx's requests per second, downloads at
# least 0.9x its bandwidth), and measures the server's memory with 1,000 open connections.
#
# Usage: bench/serve.sh        (from anywhere; writes bench/target/serve/report.md)
#
# Needs the local package index these machines carry (AXLE_BENCH_INDEX, default
# /opt/pypi/simple: its wheels are what gets uploaded), nginx and wrk (Debian's packages:
# apt-get install -y nginx-light wrk).
#
# Environment:
#   AXLE_BENCH_PROJECTS  the projects uploaded (default: numpy django; every wheel of each)
#   AXLE_BENCH_SECONDS   seconds per wrk run (default 10)
#   AXLE_BENCH_AXLE      the axle launcher (default: bin/axle)
#
# Steps:
# 1. A new server root; `axle token create`; `axle serve` on a free loopback port; `axle
#    publish` uploads every wheel of the projects, as a user would (Debian's twine 4 cannot
#    read the Metadata-Version 2.3 and 2.4 of today's wheels).
# 2. The bytes axle serves are fetched once with curl (numpy's page as PEP 691 JSON and as
#    PEP 503 HTML, and its biggest wheel) and laid out for nginx under the same paths, with
#    the same content types. nginx runs with one worker per core, sendfile on.
# 3. wrk, 2 threads and 64 connections, AXLE_BENCH_SECONDS each, alternating servers per case:
#    JSON page, HTML page, the wheel. axle gets the Accept header pip sends for each format.
#    Before the recorded runs, one run per case warms axle's JIT up (unrecorded).
# 4. Memory: wrk holds 1,000 connections to the JSON page for AXLE_BENCH_SECONDS while the
#    server's resident set is sampled; reported with the idle resident set before.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fail() {
  echo "bench/serve.sh: $*" >&2
  exit 1
}

index=${AXLE_BENCH_INDEX:-/opt/pypi/simple}
projects=${AXLE_BENCH_PROJECTS:-numpy django}
seconds=${AXLE_BENCH_SECONDS:-10}
axle=${AXLE_BENCH_AXLE:-$root/bin/axle}
[ -f "$index/index.html" ] || fail "no simple index at $index; set AXLE_BENCH_INDEX"
for tool in nginx wrk curl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
    fail "$tool is missing (apt-get install -y nginx-light wrk curl)"
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

out=$root/bench/target/serve
work=$out/work
rm -rf "$work"
mkdir -p "$work" "$out"
rm -f "$out/report.md" "$out"/*.txt
server= nginx_pid=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  [ -z "$nginx_pid" ] || kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
  for _ in $(seq 100); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  fail "nothing answered at $1"
}

# --- 1. axle serve, with the projects uploaded by twine --------------------------------
"$axle" --version >/dev/null # builds and trains the class cache outside the timings
token=$("$axle" token create --root "$work/axle-index" --index main --name bench | head -n 1)
port=$(free_port)
"$axle" serve --root "$work/axle-index" --host 127.0.0.1 --port "$port" >"$out/server.log" 2>&1 &
server=$!
base=http://127.0.0.1:$port
wait_for "$base/health"
wheels=()
files=$(cd "$index/.." && pwd)/files
for project in $projects; do
  for f in "$files/$project"-*.whl; do
    [ -e "$f" ] && wheels+=("$f")
  done
done
[ "${#wheels[@]}" -gt 0 ] || fail "no wheels of $projects in $files"
"$axle" publish --repository-url "$base/main/" --token "$token" "${wheels[@]}" >"$out/upload.log" 2>&1 ||
  { tail -n 20 "$out/upload.log"; fail "axle publish could not upload to axle serve"; }

# --- 2. the same bytes, for nginx ----------------------------------------------------------
json_type=application/vnd.pypi.simple.v1+json
html_type=application/vnd.pypi.simple.v1+html
static=$work/static
mkdir -p "$static/json/numpy" "$static/html/numpy"
curl -sf -H "Accept: $json_type" "$base/simple/numpy/" -o "$static/json/numpy/index.json"
curl -sf -H "Accept: $html_type" "$base/simple/numpy/" -o "$static/html/numpy/index.html"
# The biggest numpy wheel, by the URL the JSON page gives (made absolute against the page).
file_url=$(python3 - "$static/json/numpy/index.json" "$base/simple/numpy/" <<'EOF'
import json, sys, urllib.parse
page = json.load(open(sys.argv[1]))
biggest = max(page["files"], key=lambda f: f.get("size", 0))
print(urllib.parse.urljoin(sys.argv[2], biggest["url"]).split("#")[0])
EOF
)
file_path=${file_url#"$base"}
mkdir -p "$static$(dirname "$file_path")"
curl -sf "$file_url" -o "$static$file_path"
file_size=$(stat -c %s "$static$file_path")

nport=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { $json_type json; $html_type html; application/octet-stream whl; }
  server {
    listen 127.0.0.1:$nport;
    root $static;
    index index.json index.html;
  }
}
EOF
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
nbase=http://127.0.0.1:$nport
wait_for "$nbase/json/numpy/"
cmp -s <(curl -sf "$nbase/json/numpy/") <(curl -sf -H "Accept: $json_type" "$base/simple/numpy/") ||
  fail "nginx and axle serve different JSON pages"
cmp -s <(curl -sf "$nbase$file_path") <(curl -sf "$base$file_path") || fail "nginx and axle serve different wheels"

# --- 3. wrk --------------------------------------------------------------------------------
# run NAME URL [ACCEPT]: one wrk run; appends "NAME requests/s bytes/s" to results.txt.
run() {
  local name=$1 url=$2 accept=${3:-}
  local args=(-t2 -c64 -d"${seconds}s" --latency)
  [ -z "$accept" ] || args+=(-H "Accept: $accept")
  wrk "${args[@]}" "$url" >"$out/wrk-$name.txt" 2>&1 || fail "wrk failed on $url (see $out/wrk-$name.txt)"
  python3 - "$name" "$out/wrk-$name.txt" >>"$out/results.txt" <<'EOF'
import re, sys
text = open(sys.argv[2]).read()
units = {"B": 1, "KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"Transfer/sec:\s+([\d.]+)(\w+)", text)
bps = float(m.group(1)) * units[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors:
    sys.exit("%s: %s non-2xx responses" % (sys.argv[1], errors.group(1)))
print(sys.argv[1], rps, bps)
EOF
}
: >"$out/results.txt"
# A server runs for days: its JIT has compiled the hot paths long before. One unrecorded run
# per case warms axle's up (nginx has nothing to warm).
run warmup-json-0 "$base/simple/numpy/" "$json_type"
run warmup-html-0 "$base/simple/numpy/" "$html_type"
run warmup-file-0 "$base$file_path"
: >"$out/results.txt"
for round in 1 2; do
  run "nginx-json-$round" "$nbase/json/numpy/"
  run "axle-json-$round" "$base/simple/numpy/" "$json_type"
  run "nginx-html-$round" "$nbase/html/numpy/"
  run "axle-html-$round" "$base/simple/numpy/" "$html_type"
  run "nginx-file-$round" "$nbase$file_path"
  run "axle-file-$round" "$base$file_path"
done

# --- 4. memory with 1,000 connections --------------------------------------------------
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
idle_kb=$(rss)
peak_kb=$idle_kb
ulimit -n 8192 2>/dev/null || true
wrk -t2 -c1000 -d"${seconds}s" -H "Accept: $json_type" "$base/simple/numpy/" >"$out/wrk-1000.txt" 2>&1 &
load=$!
while kill -0 "$load" 2>/dev/null; do
  now=$(rss)
  [ "$now" -le "$peak_kb" ] || peak_kb=$now
  sleep 0.2
done
wait "$load" || fail "wrk with 1,000 connections failed (see $out/wrk-1000.txt)"
after_kb=$(rss)

# --- report ----------------------------------------------------------------------------------
python3 - "$out/results.txt" "$idle_kb" "$peak_kb" "$after_kb" "$file_size" "$out/wrk-1000.txt" \
  "$("$axle" --version | head -n 1)" "$("$nginx_bin" -v 2>&1)" "$(wrk -v 2>&1 | head -n 1)" \
  "${#wheels[@]}" "$projects" "$seconds" >"$out/report.md" <<'EOF'
import re, statistics, sys
results = {}
for line in open(sys.argv[1]):
    name, rps, bps = line.split()
    server, case, _ = name.split("-")
    results.setdefault((server, case), []).append((float(rps), float(bps)))
idle, peak, after, size = (int(x) for x in sys.argv[2:6])
wrk1000 = open(sys.argv[6]).read()
axle_v, nginx_v, wrk_v, uploaded, projects, seconds = sys.argv[7:13]
goals = {"json": ("requests/s", 0.8), "html": ("requests/s", 0.8), "file": ("bandwidth", 0.9)}
print("| case | nginx | axle serve | axle/nginx | goal |")
print("|---|---:|---:|---:|---|")
for case, label in (("json", "simple page, JSON"), ("html", "simple page, HTML"), ("file", "download (%d MB wheel)" % (size >> 20))):
    what, goal = goals[case]
    col = 0 if what == "requests/s" else 1
    n = statistics.median(r[col] for r in results[("nginx", case)])
    a = statistics.median(r[col] for r in results[("axle", case)])
    fmt = (lambda v: "%.0f req/s" % v) if col == 0 else (lambda v: "%.0f MB/s" % (v / (1 << 20)))
    ratio = a / n
    print("| %s | %s | %s | %.2fx | >= %.1fx: %s |" % (label, fmt(n), fmt(a), ratio, goal, "met" if ratio >= goal else "not met"))
rps1000 = re.search(r"Requests/sec:\s+([\d.]+)", wrk1000)
print()
print("Memory of the axle serve process (resident set): %d MB idle after the runs above, %d MB at most while wrk held 1,000 connections (%s req/s), %d MB after." % (idle >> 10, peak >> 10, rps1000.group(1) if rps1000 else "?", after >> 10))
print()
print("Versions: %s; %s; %s. Uploaded %s wheels of %s with axle publish; wrk -t2 -c64 -d%ss, two rounds alternating servers, medians; numpy's page." % (axle_v, nginx_v, wrk_v, uploaded, projects, seconds))
EOF
cat "$out/report.md"
