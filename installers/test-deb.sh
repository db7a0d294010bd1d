#!/usr/bin/env bash
# Installs Cantor's Debian package as a newcomer would and makes music with it: builds
# installers/out/cantor_*.deb, `apt-get install`s it, runs `cantor generate` from the PATH with an
# empty HOME in an empty folder, without a network, checks the WAV, then `apt-get remove`s the
# package and checks that it took its files with it and left the user's ~/.config/cantor alone.
# Runs as root (it installs packages); .ci/run calls it only when CANTOR_INSTALLER_TEST=1.
#
# Usage: installers/test-deb.sh [--skip-build] [build.sh options]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ "$(id -u)" != 0 ]]; then
  echo "installers/test-deb.sh installs a package: run it as root" >&2
  exit 1
fi
build=1
build_args=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=0 ;;
    *) build_args+=("$arg") ;;
  esac
done

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*" >&2; }

# What building and checking the package takes: fakeroot for jpackage's dpkg-deb, sox to read the WAV.
need=()
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
command -v soxi >/dev/null 2>&1 || need+=(sox)
command -v strip >/dev/null 2>&1 || need+=(binutils)
if (( ${#need[@]} > 0 )); then
  apt-get update -q && apt-get install -y -q "${need[@]}"
fi

if (( build )); then
  "$here/build.sh" "${build_args[@]}"
fi
debs=("$here"/out/cantor_*_amd64.deb)
[[ -f "${debs[0]}" ]] || fail "no package in $here/out (run installers/build.sh)"
deb="${debs[0]}"
echo "package: $deb ($(du -m "$deb" | cut -f1) MB)"
# Our control template (installers/linux/control) keeps jpackage's dependencies and adds FFmpeg as
# a recommendation: M4A needs it, everything else works without it.
depends="$(dpkg-deb -f "$deb" Depends)"
[[ "$depends" == *libtcmalloc-minimal4* ]] || fail "Depends lost build.sh's dependencies: $depends"
[[ "$(dpkg-deb -f "$deb" Recommends)" == ffmpeg ]] || fail "the package does not recommend ffmpeg"
echo "Depends: $depends; Recommends: ffmpeg"

installed=0
cleanup() {
  if (( installed )); then
    apt-get remove -y -q cantor >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

step "apt-get install $deb"
apt-get install -y -q --reinstall "$deb"
installed=1
[[ "$(command -v cantor)" == /usr/bin/cantor ]] || fail "cantor is not /usr/bin/cantor on the PATH: $(command -v cantor || echo none)"
desktop="$(ls /usr/share/applications/*cantor*.desktop 2>/dev/null | head -1)"
[[ -n "$desktop" ]] || fail "no desktop entry for Cantor in /usr/share/applications"
grep -q '^Exec=/usr/bin/cantor' "$desktop" || fail "$desktop does not start /usr/bin/cantor"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[[ -f "$icon" ]] || fail "the desktop entry's icon $icon is missing"
echo "desktop entry: $desktop (icon $icon)"
[[ "$(readlink -f /usr/bin/cantor)" == /opt/cantor/lib/app/cantor-launcher.sh ]] \
  || fail "/usr/bin/cantor leads to $(readlink -f /usr/bin/cantor), not the package's launcher"
echo "launcher: /usr/bin/cantor -> $(readlink /usr/bin/cantor); $(cantor --version)"
for command in synth train-codec codec eval-codec tokenize train-lm generate bench story finetune eval screenshot; do
  cantor --help | grep -qw "$command" || fail "cantor --help does not list $command"
done

home="$(mktemp -d)"
wav="$(mktemp -u /tmp/cantor-deb-XXXXXX.wav)"
stamp="$(mktemp)"
# No network in the run (a namespace with no interfaces) when unshare can make one.
offline=()
if unshare --net true 2>/dev/null; then
  offline=(unshare --net)
fi
step "cantor generate from the PATH, HOME=$home (empty), ${offline[*]:-with the network}"
(cd "$home" && env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 "${offline[@]}" \
  cantor generate --prompt "calm piano, 70 bpm" --seconds 4 --seed 1 --out "$wav")

duration="$(soxi -D "$wav")"
rms="$(sox "$wav" -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}')"
echo "WAV: $(soxi -r "$wav") Hz, $(soxi -c "$wav") channel(s), $duration s, RMS amplitude $rms"
awk -v d="$duration" 'BEGIN { exit !(d > 3.9 && d < 4.1) }' || fail "the WAV lasts $duration s, not 4"
awk -v r="$rms" 'BEGIN { exit !(r > 0.001) }' || fail "the WAV is silent (RMS $rms)"
written="$(find /opt/cantor -newer "$stamp" | head -5)"
[[ -z "$written" ]] || fail "the run wrote into the installation: $written"
# The native libraries load from the package, not from copies unpacked into the temp folder.
unpacked="$(find /tmp -newer "$stamp" \( -name '*onnxruntime*' -o -name '*jnidispatch*' -o -name 'libtorch*' \) 2>/dev/null | head -5)"
[[ -z "$unpacked" ]] || fail "the run unpacked native libraries into /tmp: $unpacked"
echo "files the run left in HOME: $(cd "$home" && find . -mindepth 1 -maxdepth 3 | sort | tr '\n' ' ')"

mkdir -p "$home/.config/cantor"
echo '{"kept": true}' > "$home/.config/cantor/marker.json"
step "apt-get remove cantor"
HOME="$home" apt-get remove -y -q cantor
installed=0
[[ ! -e /usr/bin/cantor ]] || fail "/usr/bin/cantor is still there after removal"
[[ ! -e /opt/cantor/bin/cantor ]] || fail "/opt/cantor is still there after removal"
[[ -f "$home/.config/cantor/marker.json" ]] || fail "removal touched ~/.config/cantor"
rm -rf "$home" "$wav" "$stamp"
echo "PASS: installed, generated 4 s offline in an empty HOME, removed (~/.config/cantor kept)"
