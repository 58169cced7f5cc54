# Sourced by ./stratc, ./mvnw and .ci/run: points JAVA_HOME at a JDK >= 21.
# Order: JAVA_HOME if it is new enough, then the newest JDK >= 21 in the usual places, then `java` on PATH.
# Reads each JDK's `release` file, so no JVM is started to learn a version.

stratc_jdk_major() {
  local home=$1 version
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  elif [ -x "$home/bin/java" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}
  printf '%s' "${version%%[.+-]*}"
}

stratc_find_jdk() {
  local required=21 best="" best_major=0 home major globbing_was_off=""
  # mvnw runs under `set -f`; the search below needs globbing.
  case $- in *f*) globbing_was_off=1; set +f ;; esac
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(stratc_jdk_major "$JAVA_HOME")
    if [ "${major:-0}" -ge "$required" ] 2>/dev/null; then
      return 0
    fi
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
              /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$home/bin/javac" ] || continue
    major=$(stratc_jdk_major "$home")
    if [ "${major:-0}" -ge "$required" ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$home best_major=$major
    fi
  done
  [ -n "$globbing_was_off" ] && set -f
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(stratc_jdk_major "$home")
    [ "${major:-0}" -ge "$required" ] 2>/dev/null && best=$home
  fi
  if [ -z "$best" ]; then
    echo "stratc needs a JDK $required or newer and found none." >&2
    echo "Install one (e.g. apt-get install openjdk-21-jdk) or point JAVA_HOME at it: export JAVA_HOME=/path/to/jdk" >&2
    return 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}
