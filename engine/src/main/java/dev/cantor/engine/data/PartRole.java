package dev.cantor.engine.data;

/** What a part does in the arrangement. */
public enum PartRole {
    LEAD, HARMONY, PAD, BASS, DRUMS;

    /** Lower-case name used in the manifest. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
