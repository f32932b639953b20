# Finds a JDK >= 21 for axle's scripts (sourced by bin/axle, mvnw and .ci/run; POSIX sh).
#
# Order: $JAVA_HOME, then `java` on PATH, then the system's JVM folders (the newest
# there wins). A JDK's major version is read from its `release` file, so the search
# starts no JVM. bin/axle runs this on every start, so it reads files with the shell's
# own `read` and sets variables rather than forking `sed` and subshells.

AXLE_MIN_JAVA=21

# Sets axle_major to the major version of the JDK at $1 (21) and axle_version to its
# whole version (21.0.7); fails when there is none.
axle_jdk_read_major() {
  axle_major=
  axle_version=
  [ -x "$1/bin/java" ] || return 1
  v=
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=*)
          v=${line#JAVA_VERSION=}
          v=${v#\"}
          v=${v%%\"*}
          break
          ;;
      esac
    done <"$1/release"
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  # shellcheck disable=SC2034 # read by bin/axle
  axle_version=$v
  case $v in
    1.*) v=${v#1.} ;;
  esac
  v=${v%%[!0-9]*}
  [ -n "$v" ] || return 1
  axle_major=$v
}

# Prints the major version of the JDK at $1, or nothing.
axle_jdk_major() {
  axle_jdk_read_major "$1" && printf '%s\n' "$axle_major"
}

# True when $1 is a JDK (with javac) whose major version is at least $AXLE_MIN_JAVA;
# leaves its major version in axle_major.
axle_jdk_ok() {
  [ -x "$1/bin/javac" ] || return 1
  axle_jdk_read_major "$1" || return 1
  [ "$axle_major" -ge "$AXLE_MIN_JAVA" ] 2>/dev/null
}

# Prints the home of a suitable JDK, or explains what to do and fails.
axle_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && axle_jdk_ok "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  j=$(command -v java 2>/dev/null || true)
  if [ -n "$j" ]; then
    j=$(readlink -f "$j")
    h=${j%/*}
    h=${h%/*}
    if axle_jdk_ok "$h"; then
      printf '%s\n' "$h"
      return 0
    fi
  fi
  best=""
  best_major=0
  for h in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$h" ] || continue
    axle_jdk_ok "$h" || continue
    if [ "$axle_major" -gt "$best_major" ]; then
      best=$h
      best_major=$axle_major
    fi
  done
  if [ -n "$best" ]; then
    printf '%s\n' "$best"
    return 0
  fi
  echo "axle: no JDK $AXLE_MIN_JAVA or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm and other JVM folders)." >&2
  echo "axle: install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
