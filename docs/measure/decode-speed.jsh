// How fast AudioFiles reads Opus (Concentus, in the JVM) and M4A (FFmpeg), README "Measured".
// Make the files first from Debian's wesnoth-1.16-music (GPL), in the current folder:
//   for f in battle-epic battle breaking_the_chains; do
//     src=/usr/share/games/wesnoth/1.16/data/core/music/$f.ogg
//     ffmpeg -nostdin -loglevel error -i $src -c:a aac -b:a 128k $f.m4a
//     ffmpeg -nostdin -loglevel error -i $src -f wav -c:a pcm_s16le - | opusenc --quiet --bitrate 96 - $f.opus
//   done
//   jshell --class-path app/target/cantor.jar docs/measure/decode-speed.jsh
// Each format is read twice: the first pass includes the JIT's warm-up.
import dev.cantor.engine.audio.*;
import java.nio.file.*;
for (String ext : new String[] {"opus", "m4a", "opus", "m4a"}) {
    double audio = 0;
    long t0 = System.nanoTime();
    for (String f : new String[] {"battle-epic", "battle", "breaking_the_chains"}) {
        audio += AudioFiles.readMono(Path.of(f + "." + ext), 0).seconds();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%s: %.1f s of audio in %.2f s, %.0fx real time%n", ext, audio, wall, audio / wall);
}
/exit
