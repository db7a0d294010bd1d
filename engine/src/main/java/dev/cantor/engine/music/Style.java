package dev.cantor.engine.music;

/**
 * A musical style, by the name musicians use for it. How the corpus generator plays each one
 * (tempo range, grooves, instruments, progressions) is its own business ({@code data.StyleRecipe}).
 *
 * <p>The first twelve are corpus v1; the corpus v2 styles are appended after them, because a
 * trained model's style table is indexed by ordinal.
 */
public enum Style {
    POP("pop"),
    ROCK("rock"),
    JAZZ("jazz"),
    CLASSICAL("classical"),
    ELECTRONIC("electronic"),
    AMBIENT("ambient"),
    HIP_HOP("hip-hop"),
    FOLK("folk"),
    BLUES("blues"),
    LATIN("latin"),
    FUNK("funk"),
    COUNTRY("country"),
    METAL("metal"),
    REGGAE("reggae"),
    BOSSA_NOVA("bossa nova"),
    LOFI_HIP_HOP("lo-fi hip-hop"),
    DRUM_AND_BASS("drum and bass"),
    CINEMATIC("cinematic"),
    MARCH("march"),
    CHIPTUNE("chiptune"),
    WALTZ("waltz");

    private final String label;

    Style(String label) {
        this.label = label;
    }

    /** Lower-case name used in labels, e.g. "hip-hop". */
    public String label() {
        return label;
    }

    /** Parses a label such as "hip-hop" or the enum name. */
    public static Style fromLabel(String text) {
        for (Style s : values()) {
            if (s.label().equalsIgnoreCase(text.trim()) || s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a style: '" + text + "'");
    }
}
