#!/usr/bin/env bash
# Installs what Cantor needs on a fresh Debian/Ubuntu machine, and only what is missing:
#   scripts/setup.sh           to build and run Cantor from the checkout: Maven and a JDK >= 21
#   scripts/setup.sh --tests   also what the tests use: the FLAC, MP3, Ogg Vorbis and Opus encoders
#                              the audio-file tests make their fixtures with, FFmpeg (it makes the M4A
#                              fixtures and is what Cantor reads M4A with), FreeType, fontconfig and a
#                              font for the studio's headless tests, and tcmalloc
# As root it runs apt-get; as another user it prints the apt-get command to run and fails.
# scripts/test.sh runs it with --tests, ./cantor without, so neither needs a step before it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

tests=0
for arg in "$@"; do
  case "$arg" in
    --tests) tests=1 ;;
    *) echo "usage: scripts/setup.sh [--tests]" >&2; exit 2 ;;
  esac
done

missing=()
has_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

command -v mvn >/dev/null 2>&1 || missing+=(maven)
jdk_missing=0
"$here/jdk.sh" >/dev/null 2>&1 || jdk_missing=1
if (( tests )); then
  { has_lib 'libfreetype.so.6' && has_lib 'libfontconfig.so.1' \
      && [[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; } || missing+=(libfreetype6 libfontconfig1 fonts-dejavu-core)
  command -v flac >/dev/null 2>&1 || missing+=(flac)
  command -v lame >/dev/null 2>&1 || missing+=(lame)
  command -v oggenc >/dev/null 2>&1 || missing+=(vorbis-tools)
  { command -v opusenc >/dev/null 2>&1 && command -v opusdec >/dev/null 2>&1; } || missing+=(opus-tools)
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
fi
# Not required: PyTorch runs faster with it when ./cantor or scripts/test.sh preload it (scripts/preload.sh).
optional=()
has_lib 'libtcmalloc_minimal.so.4' || optional+=(libtcmalloc-minimal4)

if (( ${#missing[@]} == 0 && jdk_missing == 0 && ${#optional[@]} == 0 )); then
  exit 0
fi

if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  if (( ${#missing[@]} == 0 && jdk_missing == 0 )); then
    exit 0     # only optional packages are missing: run without them
  fi
  want=("${missing[@]}")
  (( jdk_missing )) && want+=(openjdk-21-jdk-headless)
  echo "Cantor needs: ${want[*]}. Install them (as root: apt-get install -y ${want[*]}), or run this as root." >&2
  exit 1
fi

apt-get update -q
if (( jdk_missing )); then
  # Ubuntu 24.04 and Debian 13 have JDK 21 or newer; Debian 12 has none (install Temurin from Adoptium).
  for jdk in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
    if apt-cache show "$jdk" >/dev/null 2>&1; then
      missing+=("$jdk")
      break
    fi
  done
fi
if (( ${#missing[@]} > 0 )); then
  apt-get install -y -q "${missing[@]}"
fi
if (( ${#optional[@]} > 0 )); then
  apt-get install -y -q "${optional[@]}" || echo "tcmalloc not installed: Cantor runs with glibc's allocator" >&2
fi
"$here/jdk.sh" >/dev/null || { echo "no JDK >= 21 could be installed from this machine's package sources" >&2; exit 1; }
