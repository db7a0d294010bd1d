#!/usr/bin/env bash
# Prints the package graph of Cantor's main code and any cycles in it, read from the sources
# (scripts/PackageGraph.java). --edges also names the files and classes behind every edge.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$("$here/scripts/jdk.sh")/bin/java" "$here/scripts/PackageGraph.java" "$here" "$@"
