package dev.cantor.engine.lm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;

/**
 * Shape of the token language model. Saved as {@code config.json} beside the weights.
 *
 * @param numCodebooks K, must equal the codec's
 * @param codebookSize entries per codebook (the output vocabulary of each head)
 * @param dModel       width of the residual stream
 * @param layers       transformer blocks
 * @param heads        attention heads (must divide dModel)
 * @param ffDim        width of the feed-forward layer
 * @param maxFrames    longest window of frames the model is trained on and attends over
 * @param textDim      dimension of the sentence embeddings it is conditioned on
 * @param dropout      dropout rate in training (attention output and feed-forward)
 * @param frameRate    token frames per second of the codec the model was trained on (0: not
 *                     recorded, as in configs written before this field existed)
 * @param frameCondition when true the conditions also reach every step directly: a projection
 *                     of the whole prefix is added to each step's input (MusicGen's "sum"
 *                     fuser beside its prefix), and when the tempo is known a {@link BeatClock}
 *                     marks where each frame falls in the beat and the bar. Needs frameRate.
 *                     Configs written before this field existed read as false, and false and 0
 *                     are not written, so such a model's config.json is unchanged.
 * @param musicAttributes when true the prefix has three more positions: the style, the mood and
 *                     the instruments the prompt names ({@link dev.cantor.engine.conditioning.MusicDescriptors}),
 *                     each with a learned "null" for "not named". Older configs read as false
 *                     (and false is not written).
 * @param rotaryPositions when true the audio steps carry rotary positions (RoFormer) instead of a
 *                     learned position table: attention between two steps depends only on how far
 *                     apart they are, so a piece can run on past the training window with a KV
 *                     cache that keeps the last {@link #attentionSpan()} steps (sliding-window
 *                     attention). The conditioning prefix has no position: every step sees it
 *                     the same way however far into the piece it is. Older configs read as false.
 * @param styles       with music attributes: how many styles the style table knows (the first
 *                     this-many of {@link Style}, which only ever grows at its end); a style past
 *                     them reads as "not named". Configs with music attributes written before
 *                     this field read as the 12 styles of corpus v1. 0 without music attributes.
 * @param moods        the same for {@link Mood} (8 before this field).
 */
public record LmConfig(
        @JsonProperty("num_codebooks") int numCodebooks,
        @JsonProperty("codebook_size") int codebookSize,
        @JsonProperty("d_model") int dModel,
        @JsonProperty("layers") int layers,
        @JsonProperty("heads") int heads,
        @JsonProperty("ff_dim") int ffDim,
        @JsonProperty("max_frames") int maxFrames,
        @JsonProperty("text_dim") int textDim,
        @JsonProperty("dropout") double dropout,
        @JsonProperty("frame_rate") @JsonInclude(JsonInclude.Include.NON_DEFAULT) double frameRate,
        @JsonProperty("frame_condition") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean frameCondition,
        @JsonProperty("music_attributes") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean musicAttributes,
        @JsonProperty("rotary_positions") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean rotaryPositions,
        @JsonProperty("styles") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int styles,
        @JsonProperty("moods") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int moods) {

    /** Styles and moods of the attribute tables written before their sizes were recorded. */
    static final int V1_STYLES = 12;
    static final int V1_MOODS = 8;

    /** Conditioning prefix without music attributes: text, tempo, key root, mode — one position each. */
    public static final int BASIC_PREFIX = 4;
    /** Conditioning prefix with them: also style, mood and instruments. */
    public static final int ATTRIBUTE_PREFIX = 7;

    public LmConfig {
        require(numCodebooks >= 1 && numCodebooks <= 32, "num_codebooks must be 1..32");
        require(codebookSize >= 2 && codebookSize <= 65536, "codebook_size must be 2..65536");
        require(dModel >= 8 && dModel <= 8192, "d_model must be 8..8192");
        require(layers >= 1 && layers <= 96, "layers must be 1..96");
        require(heads >= 1 && heads <= dModel && dModel % heads == 0, "heads must divide d_model");
        require(ffDim >= 1 && ffDim <= 65536, "ff_dim must be 1..65536");
        require(maxFrames >= 2 && maxFrames <= 10000, "max_frames must be 2..10000");
        require(textDim >= 1 && textDim <= 4096, "text_dim must be 1..4096");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)");
        require(Double.isFinite(frameRate), "frame_rate must be 0..10000");
        require(frameRate >= 0 && frameRate <= 10000, "frame_rate must be 0..10000");
        if (musicAttributes) {
            styles = styles == 0 ? V1_STYLES : styles;
            moods = moods == 0 ? V1_MOODS : moods;
        }
        require(musicAttributes ? styles >= 1 && styles <= 1000 : styles == 0,
                "styles must be 1..1000 with music attributes, absent without");
        require(musicAttributes ? moods >= 1 && moods <= 1000 : moods == 0,
                "moods must be 1..1000 with music attributes, absent without");
        require(!rotaryPositions || (dModel / heads) % 2 == 0, "rotary positions need an even head width (d_model / heads)");
        require(!frameCondition || frameRate > 0, "frame_condition needs the frame_rate");
    }

    /** A model with the conditions in its prefix only (the layout of the first shipped model). */
    public LmConfig(int numCodebooks, int codebookSize, int dModel, int layers, int heads, int ffDim, int maxFrames,
                    int textDim, double dropout) {
        this(numCodebooks, codebookSize, dModel, layers, heads, ffDim, maxFrames, textDim, dropout, 0, false, false,
                false, 0, 0);
    }

    /** A few-seconds-to-train model for tests. */
    public static LmConfig tiny(int numCodebooks, int codebookSize) {
        return new LmConfig(numCodebooks, codebookSize, 32, 2, 2, 64, 100, 384, 0.0);
    }

    /** The CPU default: d256, 4 layers (about 10 ms per sampling step with guidance). */
    public static LmConfig small(int numCodebooks, int codebookSize) {
        return new LmConfig(numCodebooks, codebookSize, 256, 4, 4, 1024, 200, 384, 0.1);
    }

    /** Between small and base: d384, 6 layers of 6 heads, a 15 s window (the size LM v1 was swept against). */
    public static LmConfig medium(int numCodebooks, int codebookSize) {
        return new LmConfig(numCodebooks, codebookSize, 384, 6, 6, 1536, 750, 384, 0.1);
    }

    /** Wider and deeper, for a GPU or a long run. */
    public static LmConfig base(int numCodebooks, int codebookSize) {
        return new LmConfig(numCodebooks, codebookSize, 512, 8, 8, 2048, 500, 384, 0.1);
    }

    /** Looks up a named preset for a codec's token layout. */
    public static LmConfig preset(String name, int numCodebooks, int codebookSize) {
        return switch (name) {
            case "tiny" -> tiny(numCodebooks, codebookSize);
            case "small" -> small(numCodebooks, codebookSize);
            case "medium" -> medium(numCodebooks, codebookSize);
            case "base" -> base(numCodebooks, codebookSize);
            default -> throw new IllegalArgumentException(
                    "unknown LM config '" + name + "' (choose tiny, small, medium or base)");
        };
    }

    /**
     * A lower bound of the parameters a model of this shape has (the token tables, the output
     * heads, the text projection and every block's attention and feed-forward weights), so a
     * weights file can be checked against the config before the model is built.
     */
    public long minimumParameters() {
        long d = dModel;
        long perBlock = 4 * d * d + 2 * d * ffDim;
        return (long) numCodebooks * inputVocabulary() * d + (long) numCodebooks * codebookSize * d
                + d * textDim + layers * perBlock;
    }

    /** Width of one attention head. */
    public int headDim() {
        return dModel / heads;
    }

    /** Token ids fed back as input: the codes plus one "empty" id for cells with no frame. */
    public int inputVocabulary() {
        return codebookSize + 1;
    }

    /** The input id meaning "no token here" (start of sequence, delay padding). */
    public int emptyToken() {
        return codebookSize;
    }

    /**
     * Delayed steps of audio one step attends over (itself included): the steps of a training
     * window. With learned positions this is also the longest sequence; with rotary positions a
     * sequence may be longer and each step sees the last this-many.
     */
    public int attentionSpan() {
        return maxFrames + numCodebooks - 1;
    }

    /** Positions the model sees at most with learned positions: prefix plus the delayed steps of maxFrames. */
    public int maxPositions() {
        return prefixLength() + maxFrames + numCodebooks - 1;
    }

    /** Positions of the conditioning prefix. */
    public int prefixLength() {
        return musicAttributes ? ATTRIBUTE_PREFIX : BASIC_PREFIX;
    }

    public LmConfig withMaxFrames(int frames) {
        return new LmConfig(numCodebooks, codebookSize, dModel, layers, heads, ffDim, frames, textDim, dropout,
                frameRate, frameCondition, musicAttributes, rotaryPositions, styles, moods);
    }

    /** This shape with the conditions added to every frame too, for tokens at {@code rate} frames per second. */
    public LmConfig withFrameCondition(double rate) {
        return new LmConfig(numCodebooks, codebookSize, dModel, layers, heads, ffDim, maxFrames, textDim, dropout,
                rate, true, musicAttributes, rotaryPositions, styles, moods);
    }

    /**
     * This shape with style, mood and instruments in the prefix ({@link #musicAttributes()}), with
     * tables for every style and mood Cantor knows now (a model that has them keeps its sizes).
     */
    public LmConfig withMusicAttributes() {
        return new LmConfig(numCodebooks, codebookSize, dModel, layers, heads, ffDim, maxFrames, textDim, dropout,
                frameRate, frameCondition, true, rotaryPositions,
                musicAttributes ? styles : Style.values().length, musicAttributes ? moods : Mood.values().length);
    }

    /** This shape with rotary positions instead of a learned table ({@link #rotaryPositions()}). */
    public LmConfig withRotaryPositions() {
        return new LmConfig(numCodebooks, codebookSize, dModel, layers, heads, ffDim, maxFrames, textDim, dropout,
                frameRate, frameCondition, musicAttributes, true, styles, moods);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("invalid LM config: " + message);
        }
    }
}
