#!/usr/bin/env bash
# For a machine with an NVIDIA GPU: checks that Cantor runs on it and how fast, next to the CPU.
#   scripts/gpu-check.sh [CANTOR_JAR]     (default: app/target/cantor.jar, built with -Pcuda)
# Build the CUDA jar first: mvn -B -Pcuda -DskipTests package (README, "Using a GPU").
# DEVICE=gpu:1 picks another GPU. Prints the device each step ran on and its wall time; stops at
# the first failure (a GPU the library cannot use is one line from cantor and exit 2).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${1:-$here/app/target/cantor.jar}"
device="${DEVICE:-gpu}"
[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -B -Pcuda -DskipTests package" >&2; exit 2; }
JAVA_HOME="${JAVA_HOME:-$("$here/scripts/jdk.sh")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cantor() { "$JAVA_HOME/bin/java" -jar "$jar" "$@"; }
timed() {   # timed LABEL COMMAND...: runs it, prints the wall time
  local label="$1"; shift
  local start end
  start="$(date +%s.%N)"
  "$@"
  end="$(date +%s.%N)"
  printf '%-28s %6.1f s\n' "$label" "$(echo "$end - $start" | bc)"
}
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=index,name,driver_version,memory.total --format=csv

echo "== bench (10 s of audio, 2 runs) on $device, then on the CPU"
for d in "$device" cpu; do
  cantor bench --device "$d" --seconds 10 --runs 2 --json > "$work/bench-$d.json"
  echo "$d: $(cat "$work/bench-$d.json")"
done

echo "== generate 10 s on $device and on the CPU (same seed)"
timed "generate --device $device" cantor generate --device "$device" --prompt "upbeat pop with piano, 120 bpm" \
  --seconds 10 --seed 3 --out "$work/gpu.wav" --json > "$work/generate-gpu.json"
timed "generate --device cpu" cantor generate --device cpu --prompt "upbeat pop with piano, 120 bpm" \
  --seconds 10 --seed 3 --out "$work/cpu.wav" --json > "$work/generate-cpu.json"
if cmp -s "$work/gpu.wav" "$work/cpu.wav"; then
  echo "the two files are identical"
else
  echo "the two files differ (expected: CUDA kernels round differently, and sampling amplifies it)"
fi

echo "== finetune: 4 steps on a small synthetic library, on $device"
cantor synth --out "$work/library" --clips 6 --seconds 8 --seed 11 > /dev/null
timed "finetune --device $device" cantor finetune --device "$device" --library "$work/library" \
  --out "$work/tuned" --steps 4 --json > "$work/finetune-gpu.json"
timed "finetune --device cpu" cantor finetune --device cpu --library "$work/library" \
  --out "$work/tuned-cpu" --steps 4 --json > "$work/finetune-cpu.json"
echo "done: every step ran; the bench lines above give the device (\"device\") and the real-time factors"
