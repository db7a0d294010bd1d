#!/usr/bin/env bash
# The test command: builds every module and runs the whole suite (unit, architecture, CLI end-to-end).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$here/scripts/jdk.sh")"
export JAVA_HOME
cd "$here"
exec mvn -B verify "$@"
