#!/usr/bin/env bash
# Prints the LD_PRELOAD Cantor should run with: tcmalloc in front of $LD_PRELOAD when it is installed
# (Debian: libtcmalloc-minimal4) and CANTOR_MALLOC is not "system"; else $LD_PRELOAD unchanged.
# PyTorch allocates tensors of tens of megabytes on every step; glibc hands each back to the kernel
# and pays page faults for the next, tcmalloc keeps them. Measured here: codec training 1.7x
# faster, LM training 1.6x, decoding 1.6-2.5x (README).
set -euo pipefail
current="${LD_PRELOAD:-}"
if [[ "${CANTOR_MALLOC:-tcmalloc}" == tcmalloc && "$current" != *tcmalloc* ]]; then
  for lib in /usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 /usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4 \
      /usr/lib64/libtcmalloc_minimal.so.4; do
    if [[ -f "$lib" ]]; then
      echo "$lib${current:+:$current}"
      exit 0
    fi
  done
fi
echo "$current"
