#!/bin/sh
# /usr/bin/cantor (a link made by the package's postinst to lib/app/cantor-launcher.sh): runs
# Cantor's jpackage launcher (bin/cantor of the same installation) with
# tcmalloc preloaded, as ./cantor in a checkout does (the package depends on libtcmalloc-minimal4).
# Cantor also tunes glibc's allocator itself, so bin/cantor alone runs about as fast;
# CANTOR_MALLOC=system leaves tcmalloc out.
tcmalloc=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
if [ "${CANTOR_MALLOC:-tcmalloc}" = tcmalloc ] && [ -f "$tcmalloc" ]; then
  case "${LD_PRELOAD:-}" in
    *tcmalloc*) ;;
    *) LD_PRELOAD="$tcmalloc${LD_PRELOAD:+:$LD_PRELOAD}"; export LD_PRELOAD ;;
  esac
fi
exec "$(dirname "$(readlink -f "$0")")/../../bin/cantor" "$@"
