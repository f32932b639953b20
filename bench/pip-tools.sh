# shellcheck shell=bash disable=SC2154,SC2034 # uses and sets the sourcing script's variables
# Shared by the benchmark scripts (install.sh, resolve.sh, sync.sh).
#
# bench_inputs: checks that each folder of the array indexes is a simple index, finds the
# interpreter for the venvs ($AXLE_BENCH_PYTHON, else the newest ~/.pyenv/versions/3.11.*,
# else python3.11 on PATH: the local index's binary wheels are cp311) into $python, and checks
# for hyperfine. Needs a fail function.
#
# bench_sets: the requirement sets resolve.sh and sync.sh time, as the associative array
# requirements (name to requirements). All of them resolve from the local index; "all" is
# every set tried that does (celery does not: no click-didyoumean).
#
# bench_pip_tools: makes (once per interpreter) the venv $tools with the pip under test and
# packaging for the report scripts, from the first local index. Needs $python, $tools, $out,
# the array indexes and a fail function; sets pip_version and python_version.
bench_pip_tools() {
  if [ "$(cat "$tools/made-with" 2>/dev/null)" != "$python" ]; then
    rm -rf "$tools"
    "$python" -m venv "$tools"
    PIP_CONFIG_FILE=/dev/null "$tools/bin/python" -m pip --isolated install -q --disable-pip-version-check \
      --index-url "file://${indexes[0]}" --upgrade pip packaging >"$out/tools.log" 2>&1 ||
      { cat "$out/tools.log"; fail "could not install pip and packaging from ${indexes[0]} into $tools"; }
    echo "$python" >"$tools/made-with"
  fi
  pip_version=$("$tools/bin/python" -m pip --version | cut -d' ' -f2)
  python_version=$("$python" -c 'import sys; print(sys.version.split()[0])')
}

# bench_work_folder: empties $out of an earlier run's results and makes $work (with $work/trash
# for what the timed runs move aside), noting in $out/deleted-at when a deletion last happened
# (install.sh says why that matters). Needs $out and $work.
bench_work_folder() {
  mkdir -p "$out"
  rm -f "$out"/*.json "$out"/*.md "$out/checks.txt" "$out/facts.tsv"
  deleted_at=$out/deleted-at
  if [ -e "$work" ]; then
    rm -rf "$work"
    date +%s >"$deleted_at"
  fi
  mkdir -p "$work/trash"
}

# bench_serve_index DIR: serves the PEP 503 tree DIR with bench/serve-index.py on a free
# loopback port and waits until it answers; sets server (its pid) and url (its simple API).
# Needs $tools and a fail function.
bench_serve_index() {
  local port
  port=$("$tools/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$tools/bin/python" bench/serve-index.py "$1" "$port" &
  server=$!
  url=http://127.0.0.1:$port/simple
  for _ in $(seq 50); do
    curl -sf "$url/" >/dev/null && break
    sleep 0.1
  done
  curl -sf "$url/" >/dev/null || fail "the index server did not answer at $url"
}

bench_inputs() {
  for dir in "${indexes[@]}"; do
    [ -f "$dir/index.html" ] || fail "no simple index at $dir (no $dir/index.html). This benchmark needs the local package index these machines carry; set AXLE_BENCH_INDEX to its folders."
  done
  python=${AXLE_BENCH_PYTHON:-}
  if [ -z "$python" ]; then
    python=$(find "$HOME/.pyenv/versions" -maxdepth 3 -path '*/3.11.*/bin/python' 2>/dev/null | sort -V | tail -n 1)
    [ -n "$python" ] || python=$(command -v python3.11) || fail "no CPython 3.11 (looked in ~/.pyenv/versions and on PATH); set AXLE_BENCH_PYTHON"
  fi
  [ -x "$python" ] || fail "$python: not an interpreter"
  command -v hyperfine >/dev/null || fail "hyperfine is missing (apt-get install -y hyperfine)"
}

bench_sets() {
  declare -gA requirements=(
    [jupyter]="jupyter"
    [all]="jupyter jupyterlab django scipy pandas matplotlib scikit-learn twisted flask sqlalchemy
      flask-sqlalchemy fastapi uvicorn pydantic httpx requests boto3 sphinx black pytest aiohttp"
  )
}
