#!/usr/bin/env bash
# Builds Cantor's Linux packages into installers/out/:
#   cantor_VERSION_amd64.deb                  Debian/Ubuntu package: /opt/cantor, `cantor` on the PATH, a menu entry
#   cantor-VERSION-linux-x86_64.tar.gz        the same application as a portable folder (cantor/bin/cantor)
# with a jlinked Java runtime inside, the shipped model and only linux-x86_64 native libraries.
#
# Usage: installers/build.sh [--skip-jar]     (--skip-jar: package app/target/cantor.jar as it is)
# Needs a JDK >= 24 with jpackage (jlink without jmods files), dpkg-deb, fakeroot and unzip; strip
# (binutils) makes PyTorch's libraries smaller. DPKG_DEB_COMPRESSOR_LEVEL=1 makes a larger .deb faster.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/out"
work="$out/work"

skip_jar=0
for arg in "$@"; do
  case "$arg" in
    --skip-jar) skip_jar=1 ;;
    *) echo "usage: installers/build.sh [--skip-jar]" >&2; exit 2 ;;
  esac
done

JAVA_HOME="$("$root/scripts/jdk.sh")"
export JAVA_HOME
if [[ ! -x "$JAVA_HOME/bin/jpackage" ]]; then
  echo "the JDK at $JAVA_HOME has no jpackage; set JAVA_HOME to a full JDK >= 24" >&2
  exit 1
fi
for tool in dpkg-deb fakeroot unzip; do
  command -v "$tool" >/dev/null || { echo "installers/build.sh needs $tool (apt-get install $tool)" >&2; exit 1; }
done

step() { echo "== $*" >&2; }

jar="$root/app/target/cantor.jar"
if (( ! skip_jar )); then
  step "building cantor.jar"
  (cd "$root" && mvn -B -q -DskipTests package >&2)
fi
[[ -f "$jar" ]] || { echo "no $jar: run without --skip-jar" >&2; exit 1; }

version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)"
app_version="${version%-SNAPSHOT}"     # jpackage and dpkg want plain numbers

rm -rf "$work"
mkdir -p "$work/input" "$work/home"

# The modules Cantor uses: `jdeps --print-module-deps --ignore-missing-deps --multi-release 25 cantor.jar`
# (java.compiler, java.management, java.sql, jdk.jfr, jdk.unsupported, jdk.unsupported.desktop), plus
# what libraries reach by reflection or service lookup: the desktop, logging, XML, naming, scripting,
# charsets for tags in old encodings, zipfs.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting
modules+=,java.sql,java.xml,jdk.charsets,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs
step "jlink: a runtime with $modules"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$work/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6

# DJL extracts PyTorch, its JNI glue and the tokenizers library into a cache folder on first use
# (~/.djl.ai). Let it do that here, into the folder the package ships (the launcher points DJL at it
# with -DENGINE_CACHE_DIR), so an installed Cantor never writes 450 MB into each user's home and never
# needs the network. This run is also the smoke test of the jlinked runtime.
step "unpacking PyTorch and tokenizers natives with a 1 s generation on the jlinked runtime"
HOME="$work/home" "$work/runtime/bin/java" --add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -DENGINE_CACHE_DIR="$work/input/djl" \
  -Dcantor.model="$root/resources/models/default" \
  -jar "$jar" generate --prompt "calm piano, 70 bpm" --seconds 1 --seed 1 --out "$work/smoke.wav" >&2
for lib in libtorch_cpu.so libc10.so libdjl_torch.so libtokenizers.so; do
  if [[ -z "$(find "$work/input/djl" -name "*$lib")" ]]; then
    echo "DJL did not unpack $lib into $work/input/djl" >&2
    exit 1
  fi
done
find "$work/input/djl" -name '*.tmp' -delete
# PyTorch's libraries come with their symbol tables (90 MB of libtorch_cpu.so's 446 MB); the dynamic
# symbols, all that loading and calling them needs, stay.
if command -v strip >/dev/null; then
  find "$work/input/djl" -name '*.so*' -type f -exec strip --strip-unneeded {} +
fi

# JNA (setenv/mallopt, NativeEnvironment) and ONNX Runtime (the sentence encoder) unpack theirs into
# the temp folder on every start; the launcher loads them from the package instead.
mkdir -p "$work/input/jna" "$work/input/onnxruntime"
unzip -q -j "$jar" 'com/sun/jna/linux-x86-64/libjnidispatch.so' -d "$work/input/jna"
unzip -q -j "$jar" 'ai/onnxruntime/native/linux-x64/*' -d "$work/input/onnxruntime"

# The jar carries native libraries for every platform (ONNX Runtime, JNA, DJL's tokenizers and
# PyTorch JNI) and PyTorch itself: drop them all, linux-x86_64's now live unpacked beside the jar.
step "stripping native libraries from the jar"
"$JAVA_HOME/bin/java" "$here/StripJar.java" "$jar" "$work/input/cantor.jar" \
  'ai/onnxruntime/native/.+|com/sun/jna/[a-z0-9]+-[a-z0-9-]+/.+|jnilib/.+/.+|native/lib/[^/]+/.+|pytorch/.+[.]so[.0-9a-f-]*'
echo "cantor.jar: $(du -m "$jar" | cut -f1) MB -> $(du -m "$work/input/cantor.jar" | cut -f1) MB" >&2

# /usr/bin/cantor in the Debian package: the launcher with tcmalloc preloaded (installers/linux/).
cp "$here/linux/cantor-launcher.sh" "$work/input/"

# The shipped model, evaluation set and example stories: Cantor finds resources/ upwards from its jar.
mkdir -p "$work/input/resources/models"
cp -r "$root/resources/models/default" "$work/input/resources/models/"
cp -r "$root/resources/eval" "$root/resources/stories" "$work/input/resources/"

"$JAVA_HOME/bin/java" -Djava.awt.headless=true "$here/DrawIcon.java" "$work/cantor.png" 256

common=(--name cantor --app-version "$app_version" --vendor "Cantor contributors"
  --description "Cantor: a music studio that makes music on this computer"
  --copyright "GPL-3.0-or-later" --icon "$work/cantor.png")

step "jpackage: app image"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$work/image" "${common[@]}" \
  --input "$work/input" --main-jar cantor.jar --main-class dev.cantor.app.Main --runtime-image "$work/runtime" \
  --java-options '--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED' \
  --java-options '--enable-native-access=ALL-UNNAMED' \
  --java-options '-DENGINE_CACHE_DIR=$APPDIR/djl' \
  --java-options '-Djna.boot.library.path=$APPDIR/jna' \
  --java-options '-Donnxruntime.native.path=$APPDIR/onnxruntime'

tarball="$out/cantor-$app_version-linux-x86_64.tar.gz"
step "portable folder: $tarball"
rm -f "$tarball"
tar -C "$work/image" -czf "$tarball" cantor

step "jpackage: Debian package"
rm -f "$out"/cantor_*.deb
"$JAVA_HOME/bin/jpackage" --type deb --dest "$out" "${common[@]}" --app-image "$work/image/cantor" \
  --resource-dir "$here/linux" --license-file "$root/LICENSE" \
  --linux-package-name cantor --linux-deb-maintainer "cantor@localhost" \
  --linux-app-category sound --linux-menu-group "AudioVideo;Audio;" --linux-shortcut \
  --linux-package-deps "libtcmalloc-minimal4, fonts-dejavu-core, libfreetype6, libfontconfig1, libgtk-3-0 | libgtk-3-0t64"

rm -rf "$work"
ls -l "$out"/cantor_*.deb "$tarball" >&2
du -h "$out"/cantor_*.deb "$tarball"
