#!/bin/sh
# Times creating a virtual environment: `axle venv` against `python -m venv --without-pip`,
# same base interpreter (pyenv's 3.12 unless PYTHON is set), both replacing an existing
# environment (--clear), whole processes, with hyperfine (apt-get install -y hyperfine).
# Writes the table to bench/target/venv.md and prints it.
#
# Rows: axle with its interpreter cache warm (the usual case), axle with an empty cache
# (one query of the interpreter), the JVM started directly with bin/axle's class cache
# (what the launcher script costs), the same with a class cache trained on `axle venv` alone
# rather than on bin/axle's mixed workload (what a cache for this one command would gain),
# and Python's venv.
set -eu
cd "$(dirname "$0")/.."

if [ -z "${PYTHON-}" ]; then
  root=${PYENV_ROOT:-$HOME/.pyenv}
  for p in "$root"/versions/3.12.*/bin/python3.12; do
    [ -x "$p" ] && PYTHON=$p
  done
fi
if [ -z "${PYTHON-}" ] || [ ! -x "$PYTHON" ]; then
  echo "venv.sh: no Python 3.12 in pyenv; set PYTHON=/path/to/python" >&2
  exit 1
fi

# shellcheck source=SCRIPTDIR/lib.sh
. bench/lib.sh # java, jar, axle_jvm_options; builds and trains the class cache when needed

out=bench/target
work=$(mktemp -d "${TMPDIR:-/tmp}/axle-venv-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cache=$work/cache
args="venv --clear $work/axle-venv --python $PYTHON --cache-dir $cache"

# shellcheck disable=SC2086 # $args is a list of words (mktemp's folder has no spaces)
bin/axle $args >/dev/null # fills the interpreter cache
"$work/axle-venv/bin/python" -c 'import sys; assert sys.prefix != sys.base_prefix' # the result works

set -- -n 'python -m venv --without-pip' "$PYTHON -m venv --without-pip --clear $work/python-venv" \
  -n 'bin/axle venv' "bin/axle $args" \
  -n 'bin/axle venv (empty interpreter cache)' --prepare "rm -rf $work/cold" \
  "bin/axle venv --clear $work/axle-venv --python $PYTHON --cache-dir $work/cold"
if [ "$axle_major" -ge 25 ]; then
  # bin/axle's JVM options but for the class cache.
  opts="-Xlog:aot*=off,cds*=off $axle_jvm_options"
  # shellcheck disable=SC2086 # as above
  "$java" $opts -XX:AOTCacheOutput="$work/venv.aot" -jar "$jar" $args >/dev/null 2>&1
  set -- "$@" \
    -n 'java, class cache as bin/axle trains it' \
    "$java $opts -XX:AOTCache=$PWD/axle-cli/target/axle/aot/java-$axle_version-$axle_jvm_kind.aot -jar $jar $args" \
    -n 'java, class cache trained on axle venv' \
    "$java $opts -XX:AOTCache=$work/venv.aot -jar $jar $args"
fi
hyperfine -N --warmup 5 --runs 30 --export-markdown "$out/venv.md" "$@"
echo
cat "$out/venv.md"
