#!/usr/bin/env bash
# The test command: builds every module and runs the whole suite (unit, architecture, CLI end-to-end).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$here/scripts/jdk.sh")"
export JAVA_HOME
cd "$here"
# Faster with tcmalloc where it is installed (see the README); the results are the same.
for lib in /usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 /usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4; do
  if [[ -f "$lib" && "${CANTOR_MALLOC:-tcmalloc}" == tcmalloc && "${LD_PRELOAD:-}" != *tcmalloc* ]]; then
    export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
    break
  fi
done
exec mvn -B verify "$@"
