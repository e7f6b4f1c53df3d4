package org.physiocds.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.physiocds.Citation;

/**
 * A rule's metadata: its permanent id ({@code @id}), name, the guidance ids it encodes
 * ({@code @guidance}) and the citations of that guidance; {@code listItems} are those of its seed
 * citations that are single entries of a list in the seed (seed 000's joints, seed 003's pain
 * factors), of which a firing cites only the ones its rationale names (see {@link #citationsFor}).
 */
public record RuleInfo(String id, String name, List<String> guidance, List<Citation> citations,
        List<Citation> listItems) {

    /**
     * The citations of one firing: every citation, bar the list entries its rationale does not name
     * (a knee patient's stability rule quotes "Knees (stability)", not the other five joints). An
     * entry is named when its leading words (before any parenthesis, a plural's final s dropped)
     * appear in the rationale, case aside; when none is named, every entry is kept.
     */
    public List<Citation> citationsFor(String rationale) {
        if (listItems.isEmpty()) {
            return citations;
        }
        String words = rationale.toLowerCase(Locale.ROOT);
        List<Citation> named = listItems.stream().filter(c -> words.contains(key(c.quote()))).toList();
        if (named.isEmpty()) {
            return citations;
        }
        return List.copyOf(citations.stream().filter(c -> !listItems.contains(c) || named.contains(c)).toList());
    }

    private static String key(String entry) {
        int paren = entry.indexOf(" (");
        String k = (paren < 0 ? entry : entry.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
        return k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
    }

    static final Comparator<RuleInfo> BY_ID = Comparator.comparing(RuleInfo::id,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(RuleInfo::name);
}
