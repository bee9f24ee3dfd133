package com.gridpivot.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on generated sentences: a word written twice in a row ("The S21 fleet fleet stops paying") is a defect. */
public final class Sentences {
    /** A word of letters, then only white space, then the same word (any case). Punctuation between them breaks the pair. */
    private static final Pattern REPEATED = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(\\p{L}+)\\s+\\1(?![\\p{L}\\p{N}])");

    private Sentences() {
    }

    /** Each immediately repeated word of {@code text}, with up to 40 characters of context either side. */
    public static List<String> repeatedWords(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = REPEATED.matcher(text);
        while (m.find()) {
            out.add("'" + m.group() + "' in «" + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)) + "»");
        }
        return out;
    }

    /** Every text value of a JSON answer (explanations, notes, warnings, binding limits …) that holds more than one word. */
    public static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            if (node.asText().trim().contains(" ")) {
                out.add(node.asText());
            }
            return;
        }
        node.elements().forEachRemaining(child -> collect(child, out));
    }
}
