#!/usr/bin/env bash
# The test command: sets the machine up (scripts/setup.sh --tests), builds every module and runs the
# whole suite (unit, architecture, CLI end-to-end).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# On a fresh Debian/Ubuntu machine: installs what is missing (as root), else says what to install.
"$here/scripts/setup.sh" --tests
JAVA_HOME="$("$here/scripts/jdk.sh")"
export JAVA_HOME
cd "$here"
# Faster with tcmalloc where it is installed (scripts/preload.sh); the results are the same.
LD_PRELOAD="$("$here/scripts/preload.sh")"
export LD_PRELOAD
exec mvn -B verify "$@"
