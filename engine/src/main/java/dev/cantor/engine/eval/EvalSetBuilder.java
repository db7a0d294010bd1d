package dev.cantor.engine.eval;

import dev.cantor.engine.conditioning.PromptAttributes;
import dev.cantor.engine.data.Captioner;
import dev.cantor.engine.data.Composer;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.SpecSampler;
import dev.cantor.engine.data.StyleRecipe;
import dev.cantor.engine.music.MelodyNote;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Style;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws an evaluation set from the synthetic composer with a seed never used for training,
 * chosen to cover the label space: the same number of prompts per style and, within a style,
 * round-robin over the tempo bands and modes that style can have. Prompts are the corpus
 * captions with the tempo (in BPM) and key appended when the caption does not state them, so
 * every scored attribute is in the text. Some prompts also carry their melody line, picked
 * round-robin over the styles among melodies long enough to hum.
 *
 * <p>{@link #buildNovel} draws a second held-out set the same way over the whole current
 * vocabulary, leaning towards the styles and instruments an older set does not cover.
 */
public final class EvalSetBuilder {

    /** Seeds of the default evaluation set: far from the training seeds (1 and 1000). */
    public static final long DEFAULT_SEED = 900_000;
    /** Seed of the second held-out set ({@link #buildNovel}): unseen, and not the first set's. */
    public static final long NOVEL_SEED = 910_000;
    /** A style the older set lacks gets this many times the prompts of one it has. */
    private static final int NOVEL_STYLE_WEIGHT = 2;

    /** Tempo bands: slow below 85 BPM, fast from 120 BPM, medium in between. */
    public enum TempoBand {
        SLOW, MEDIUM, FAST;

        public static TempoBand of(double bpm) {
            return bpm < 85 ? SLOW : bpm < 120 ? MEDIUM : FAST;
        }

        /** "slow", "medium" or "fast". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final int MAX_CANDIDATES = 50_000;
    private static final int PER_CELL = 40;
    /** A melody worth humming: enough notes, and sounding for at least half the clip. */
    private static final int MIN_MELODY_NOTES = 6;
    private static final double MIN_MELODY_COVERAGE = 0.5;

    private EvalSetBuilder() {
    }

    /**
     * @param seed      corpus seed of the draws (use one never used for training)
     * @param count     prompts in all (at least one per style: 12)
     * @param melodies  how many of them carry a melody (at most count)
     * @param seconds   length of each piece
     */
    public static List<EvalPrompt> build(long seed, int count, int melodies, double seconds) {
        int styles = Style.values().length;
        requireSizes(count, melodies);
        Map<Style, Integer> quotas = new EnumMap<>(Style.class);
        for (Style style : Style.values()) {
            quotas.put(style, count / styles + (style.ordinal() < count % styles ? 1 : 0));
        }
        return draw(seed, quotas, melodies, seconds, Set.of(), "eval-");
    }

    /**
     * A second held-out set over the whole current vocabulary that leans towards what an older set
     * does not cover: every style the composer knows gets prompts, a style missing from
     * {@code covered} twice the share of one it has (so styles added to {@link Style} since are
     * picked up with no change here), and within each (tempo band, mode) cell the candidates
     * playing the most instruments {@code covered} never names are taken first. Ids are
     * {@code v2-NNN}, so scores on the two sets cannot be mixed up.
     *
     * @param covered the older set (e.g. the shipped {@code resources/eval/prompts.jsonl})
     */
    public static List<EvalPrompt> buildNovel(long seed, int count, int melodies, double seconds,
                                              List<EvalPrompt> covered) {
        requireSizes(count, melodies);
        Set<String> coveredStyles = new HashSet<>();
        Set<String> coveredInstruments = new HashSet<>();
        for (EvalPrompt p : covered) {
            coveredStyles.add(p.style());
            coveredInstruments.addAll(p.instruments());
        }
        Map<Style, Integer> weights = new EnumMap<>(Style.class);
        for (Style style : Style.values()) {
            weights.put(style, coveredStyles.contains(style.label()) ? 1 : NOVEL_STYLE_WEIGHT);
        }
        return draw(seed, quotas(weights, count), melodies, seconds, coveredInstruments, "v2-");
    }

    private static void requireSizes(int count, int melodies) {
        int styles = Style.values().length;
        if (count < styles) {
            throw new IllegalArgumentException("an evaluation set needs at least " + styles
                    + " prompts (one per style)");
        }
        if (melodies < 0 || melodies > count) {
            throw new IllegalArgumentException("melody prompts must be between 0 and " + count);
        }
    }

    /**
     * Prompts per style in proportion to the weights (largest remainders, ties to the earlier
     * style), and never fewer than one.
     */
    static Map<Style, Integer> quotas(Map<Style, Integer> weights, int count) {
        Map<Style, Integer> quotas = new EnumMap<>(Style.class);
        Map<Style, Double> remainders = new EnumMap<>(Style.class);
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<Style, Integer> e : weights.entrySet()) {
            double share = count * e.getValue() / (double) total;
            quotas.put(e.getKey(), Math.max(1, (int) Math.floor(share)));
            remainders.put(e.getKey(), share - Math.floor(share));
        }
        int given = quotas.values().stream().mapToInt(Integer::intValue).sum();
        for (; given < count; given++) {
            Style best = null;
            for (Style s : remainders.keySet()) {
                if (best == null || remainders.get(s) > remainders.get(best)) {
                    best = s;
                }
            }
            quotas.merge(best, 1, Integer::sum);
            remainders.put(best, -1.0);
        }
        for (; given > count; given--) {              // the minimum of one gave too many: trim the largest
            Style largest = null;
            for (Style s : quotas.keySet()) {
                if (largest == null || quotas.get(s) >= quotas.get(largest)) {
                    largest = s;
                }
            }
            quotas.merge(largest, -1, Integer::sum);
        }
        return quotas;
    }

    /**
     * Draws {@code quotas} prompts per style, round-robin over each style's tempo bands and modes,
     * taking in each cell first the candidates with the most instruments outside {@code known}.
     */
    private static List<EvalPrompt> draw(long seed, Map<Style, Integer> quotas, int melodies, double seconds,
                                         Set<String> known, String idPrefix) {
        Map<Style, Map<String, List<PieceSpec>>> cells = candidates(seed, seconds);
        Map<Style, List<PieceSpec>> chosen = new EnumMap<>(Style.class);
        for (Style style : Style.values()) {
            Map<String, List<PieceSpec>> styleCells = cells.get(style);
            if (!known.isEmpty()) {
                // stable: among equally novel candidates the draw order stands
                styleCells.values().forEach(l -> l.sort(Comparator.comparingInt(
                        (PieceSpec spec) -> -novelInstruments(spec, known))));
            }
            chosen.put(style, roundRobin(styleCells, quotas.get(style), style.ordinal()));
        }
        List<PieceSpec> withMelody = pickMelodies(chosen, melodies);
        Composer composer = new Composer();
        List<EvalPrompt> prompts = new ArrayList<>();
        for (Style style : Style.values()) {
            for (PieceSpec spec : chosen.get(style)) {
                List<MelodyNote> melody = withMelody.contains(spec) ? composer.compose(spec).melody() : null;
                String id = String.format(Locale.ROOT, "%s%03d", idPrefix, prompts.size());
                prompts.add(EvalPrompt.of(id, promptText(spec), spec, melody));
            }
        }
        return prompts;
    }

    private static int novelInstruments(PieceSpec spec, Set<String> known) {
        return (int) spec.instrumentNames().stream().filter(name -> !known.contains(name)).count();
    }

    /** The corpus caption, completed with the tempo and key if it leaves them out. */
    static String promptText(PieceSpec spec) {
        String caption = new Captioner().caption(spec);
        PromptAttributes stated = PromptAttributes.parse(caption);
        StringBuilder text = new StringBuilder(caption.endsWith(".") ? caption.substring(0, caption.length() - 1)
                : caption);
        if (stated.tempoBpm() == null) {
            text.append(", ").append(spec.tempoBpm()).append(" bpm");
        }
        if (stated.keyRoot() == null || stated.mode() == null) {
            text.append(", in ").append(spec.tonality().label());
        }
        String prompt = text.append('.').toString();
        PromptAttributes parsed = PromptAttributes.parse(prompt);
        if (parsed.tempoBpm() == null || parsed.tempoBpm() != spec.tempoBpm()
                || parsed.keyRoot() == null || parsed.keyRoot() != spec.tonality().key().pitchClass()
                || parsed.mode() != spec.tonality().mode()) {
            throw new IllegalStateException("the prompt '" + prompt + "' does not state " + spec.tempoBpm()
                    + " BPM in " + spec.tonality().label() + " as Cantor reads it");
        }
        return prompt;
    }

    /** Per style, the first candidates of each (tempo band, mode) cell, in draw order. */
    private static Map<Style, Map<String, List<PieceSpec>>> candidates(long seed, double seconds) {
        SpecSampler sampler = SpecSampler.fullGeneralMidi();
        Map<Style, Map<String, List<PieceSpec>>> cells = new EnumMap<>(Style.class);
        for (Style s : Style.values()) {
            cells.put(s, new TreeMap<>());
        }
        for (int index = 0; index < MAX_CANDIDATES && !allFull(cells); index++) {
            PieceSpec spec = sampler.sample(seed, index, seconds);
            String cell = TempoBand.of(spec.tempoBpm()).ordinal() + ":" + spec.tonality().mode().ordinal();
            List<PieceSpec> list = cells.get(spec.style()).computeIfAbsent(cell, k -> new ArrayList<>());
            if (list.size() < PER_CELL) {
                list.add(spec);
            }
        }
        return cells;
    }

    /** Stops drawing once every style has many candidates in each of its cells. */
    private static boolean allFull(Map<Style, Map<String, List<PieceSpec>>> cells) {
        for (Style s : Style.values()) {
            int possible = possibleCells(s);
            Map<String, List<PieceSpec>> c = cells.get(s);
            if (c.size() < possible || c.values().stream().anyMatch(l -> l.size() < PER_CELL)) {
                return false;
            }
        }
        return true;
    }

    private static int possibleCells(Style style) {
        StyleRecipe s = StyleRecipe.of(style);
        int bands = 0;
        for (TempoBand b : TempoBand.values()) {
            boolean overlaps = switch (b) {
                case SLOW -> s.minBpm() < 85;
                case MEDIUM -> s.minBpm() < 120 && s.maxBpm() >= 85;
                case FAST -> s.maxBpm() >= 120;
            };
            bands += overlaps ? 1 : 0;
        }
        return bands * Mode.values().length;
    }

    /**
     * Takes one candidate from each cell in turn until {@code quota} are taken. The starting
     * cell rotates with the style, so leftover picks spread over tempi and modes overall.
     */
    private static List<PieceSpec> roundRobin(Map<String, List<PieceSpec>> cells, int quota, int rotation) {
        List<List<PieceSpec>> lists = new ArrayList<>(cells.values());
        List<PieceSpec> out = new ArrayList<>();
        int[] next = new int[lists.size()];
        for (int turn = 0; out.size() < quota; turn++) {
            boolean any = false;
            for (int c = 0; c < lists.size() && out.size() < quota; c++) {
                int cell = (c + rotation) % lists.size();
                if (next[cell] < lists.get(cell).size()) {
                    out.add(lists.get(cell).get(next[cell]++));
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalStateException("not enough candidates to fill the evaluation set");
            }
        }
        return out;
    }

    /** Round-robin over styles, the next hummable piece of each, until {@code count} are found. */
    private static List<PieceSpec> pickMelodies(Map<Style, List<PieceSpec>> chosen, int count) {
        Composer composer = new Composer();
        List<PieceSpec> picked = new ArrayList<>();
        Map<Style, Integer> cursor = new EnumMap<>(Style.class);
        boolean progress = true;
        while (picked.size() < count && progress) {
            progress = false;
            for (Style style : Style.values()) {
                List<PieceSpec> specs = chosen.get(style);
                int i = cursor.getOrDefault(style, 0);
                while (i < specs.size() && !hummable(composer.compose(specs.get(i)).melody(), specs.get(i).seconds())) {
                    i++;
                }
                if (i < specs.size() && picked.size() < count) {
                    picked.add(specs.get(i));
                    progress = true;
                    i++;
                }
                cursor.put(style, i);
            }
        }
        if (picked.size() < count) {
            throw new IllegalArgumentException("only " + picked.size() + " of the drawn pieces have a melody long"
                    + " enough to hum; ask for fewer melody prompts or more prompts");
        }
        return picked;
    }

    private static boolean hummable(List<MelodyNote> melody, double seconds) {
        double sounding = melody.stream().mapToDouble(MelodyNote::durationSeconds).sum();
        long classes = melody.stream().mapToInt(n -> Math.floorMod(n.midiPitch(), 12)).distinct().count();
        return melody.size() >= MIN_MELODY_NOTES && sounding >= MIN_MELODY_COVERAGE * seconds && classes >= 3;
    }
}
