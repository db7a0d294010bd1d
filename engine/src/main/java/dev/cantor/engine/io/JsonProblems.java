package dev.cantor.engine.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * Jackson's failures as one line a person can act on. Jackson's own messages end in a second
 * line ({@code at [Source: ...; line: 3, column: 5]}) and wrap a config record's own
 * complaint in a sentence about constructors; here the record's complaint comes first, then
 * which field and where in the file.
 */
public final class JsonProblems {

    private static final int MAX_DETAIL = 200;
    /** Jackson's "(start marker at [Source: ...; line: 3, column: 14])" asides: the place is given once, at the end. */
    private static final Pattern SOURCE_ASIDE =
            Pattern.compile("\\s*\\([^()\\[\\]]*\\[Source:[^\\]]*\\]\\)|\\s*at \\[Source:[^\\]]*\\]");

    private JsonProblems() {
    }

    /**
     * A mapper for the files people may edit by hand: a second value after the first (trailing
     * garbage) is refused, and so is a fraction where a whole number belongs ({@code 1.5} is
     * not silently read as 1).
     */
    public static ObjectMapper strictMapper() {
        return new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** The problem in one line: the value's own complaint, the field ("text_dim") and the place. */
    public static String describe(JsonProcessingException e) {
        IllegalArgumentException own = rootIllegalArgument(e);
        String detail = own != null && own.getMessage() != null ? own.getMessage() : e.getOriginalMessage();
        StringBuilder out = new StringBuilder();
        String field = e instanceof JsonMappingException m ? fieldPath(m) : "";
        if (!field.isEmpty() && (own == null || !detail.contains(field))) {
            out.append('"').append(field).append("\": ");
        }
        out.append(oneLine(SOURCE_ASIDE.matcher(detail == null ? "" : detail).replaceAll("")));
        JsonLocation at = e.getLocation();
        if (own == null && at != null && at.getLineNr() > 0) {
            out.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
        }
        return out.toString();
    }

    private static IllegalArgumentException rootIllegalArgument(Throwable e) {
        IllegalArgumentException found = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae) {
                found = iae;
            }
        }
        return found;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The first line of {@code text}, control characters replaced, at most a couple of hundred characters. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip();
        int newline = s.indexOf('\n');
        if (newline >= 0) {
            s = s.substring(0, newline).strip();
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_DETAIL + 1));
        for (int i = 0; i < s.length() && out.length() < MAX_DETAIL; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > MAX_DETAIL) {
            out.append('…');
        }
        return out.toString();
    }
}
