package org.physiocds.internal;

import java.util.Comparator;
import java.util.List;
import org.physiocds.Citation;

/**
 * A rule's metadata: its permanent id ({@code @id}), name, the guidance ids it encodes
 * ({@code @guidance}) and the citations of that guidance.
 */
public record RuleInfo(String id, String name, List<String> guidance, List<Citation> citations) {

    static final Comparator<RuleInfo> BY_ID = Comparator.comparing(RuleInfo::id,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(RuleInfo::name);
}
