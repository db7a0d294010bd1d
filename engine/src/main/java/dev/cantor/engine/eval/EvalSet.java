package dev.cantor.engine.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An evaluation set on disk: one {@link EvalPrompt} JSON object per line ({@code prompts.jsonl}). */
public final class EvalSet {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);

    private EvalSet() {
    }

    /** Writes the prompts atomically, one line each, replacing any file there. */
    public static void write(Path file, List<EvalPrompt> prompts) throws IOException {
        write(file, prompts, AtomicFiles.Replacing.ANYTHING);
    }

    /** Writes the prompts atomically, one line each, replacing only what {@code replacing} allows. */
    public static void write(Path file, List<EvalPrompt> prompts, AtomicFiles.Replacing replacing) throws IOException {
        StringBuilder text = new StringBuilder();
        for (EvalPrompt p : prompts) {
            text.append(MAPPER.writeValueAsString(p)).append('\n');
        }
        AtomicFiles.writeString(file, replacing, text.toString());
    }

    /**
     * Reads a set.
     *
     * @throws EvalSetException when the file is missing, empty, has a bad line or repeats an id
     */
    public static List<EvalPrompt> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EvalSetException("evaluation set not found: " + file, e);
        } catch (IOException e) {
            throw new EvalSetException("cannot read the evaluation set " + file + ": " + e.getMessage(), e);
        }
        List<EvalPrompt> prompts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            EvalPrompt p;
            try {
                p = MAPPER.readValue(line, EvalPrompt.class);
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                        .orElse("");
                throw new EvalSetException(file + " line " + (i + 1) + " is not an evaluation prompt: " + why, e);
            }
            if (!ids.add(p.id())) {
                throw new EvalSetException(file + " line " + (i + 1) + " repeats the id " + p.id());
            }
            prompts.add(p);
        }
        if (prompts.isEmpty()) {
            throw new EvalSetException("the evaluation set " + file + " has no prompts");
        }
        return List.copyOf(prompts);
    }
}
