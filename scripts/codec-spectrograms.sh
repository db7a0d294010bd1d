#!/usr/bin/env bash
# Spectrogram pictures of clips before and after two codecs, side by side in one PNG per clip:
#   scripts/codec-spectrograms.sh OLD_CODEC NEW_CODEC OUT_DIR CLIP.wav [CLIP.wav ...]
# Each clip is round-tripped with `cantor codec` through both codecs; sox draws the three
# spectrograms (0-16 kHz, same scale) and stacks them: original, old codec, new codec.
# OLD_LABEL and NEW_LABEL name the codecs in the titles (default: their folders).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -lt 4 ]]; then
  echo "usage: $0 OLD_CODEC NEW_CODEC OUT_DIR CLIP.wav [CLIP.wav ...]" >&2
  exit 2
fi
old="$1"; new="$2"; out="$3"; shift 3
command -v sox >/dev/null || { echo "needs sox (apt-get install sox)" >&2; exit 2; }
command -v convert >/dev/null || { echo "needs ImageMagick's convert (apt-get install imagemagick)" >&2; exit 2; }
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for clip in "$@"; do
  name="$(basename "${clip%.*}")"
  sox "$clip" -r 32000 -c 1 "$work/$name-original.wav"
  "$here/cantor" codec --model "$old" --in "$work/$name-original.wav" --out "$work/$name-old.wav" --force >/dev/null
  "$here/cantor" codec --model "$new" --in "$work/$name-original.wav" --out "$work/$name-new.wav" --force >/dev/null
  for part in original old new; do
    label="$part"
    [[ $part == old ]] && label="previous codec (${OLD_LABEL:-$old})"
    [[ $part == new ]] && label="new codec (${NEW_LABEL:-$new})"
    sox "$work/$name-$part.wav" -n spectrogram -x 800 -y 257 -z 100 -t "$name: $label" -o "$work/$name-$part.png"
  done
  convert "$work/$name-original.png" "$work/$name-old.png" "$work/$name-new.png" -append "$out/$name.png"
  echo "wrote $out/$name.png"
done
