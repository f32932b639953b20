# Finds a JDK >= 21 for axle's scripts (sourced by bin/axle, mvnw and .ci/run; POSIX sh).
#
# Order: $JAVA_HOME, then `java` on PATH, then the system's JVM folders (the newest
# there wins). A JDK's major version is read from its `release` file, so the search
# starts no JVM.

AXLE_MIN_JAVA=21

# Prints the major version of the JDK at $1, or nothing.
axle_jdk_major() {
  [ -x "$1/bin/java" ] || return 1
  if [ -r "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$v" in
    1.*) v=${v#1.} ;;
  esac
  v=${v%%[!0-9]*}
  [ -n "$v" ] && printf '%s\n' "$v"
}

# True when $1 is a JDK (with javac) whose major version is at least $AXLE_MIN_JAVA.
axle_jdk_ok() {
  [ -x "$1/bin/javac" ] || return 1
  m=$(axle_jdk_major "$1") || return 1
  [ "$m" -ge "$AXLE_MIN_JAVA" ] 2>/dev/null
}

# Prints the home of a suitable JDK, or explains what to do and fails.
axle_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && axle_jdk_ok "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  j=$(command -v java 2>/dev/null || true)
  if [ -n "$j" ]; then
    h=$(dirname "$(dirname "$(readlink -f "$j")")")
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
    m=$(axle_jdk_major "$h")
    if [ "$m" -gt "$best_major" ]; then
      best=$h
      best_major=$m
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
