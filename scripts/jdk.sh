#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
set -euo pipefail

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]] && (( $(java_major "$JAVA_HOME") >= 21 )); then
  echo "$JAVA_HOME"
  exit 0
fi
best=""; best_major=0
for home in /usr/lib/jvm/*/; do
  home="${home%/}"
  [[ -x "$home/bin/javac" ]] || continue
  major=$(java_major "$home" || echo 0)
  if (( major >= 21 && major > best_major )); then best="$home"; best_major=$major; fi
done
if [[ -z "$best" ]]; then
  echo "no JDK 21 or newer found under /usr/lib/jvm; install one (e.g. apt-get install openjdk-21-jdk-headless)" >&2
  exit 1
fi
echo "$best"
