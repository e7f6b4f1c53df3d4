package org.physiocds.safety;

import java.util.List;
import java.util.Objects;
import org.physiocds.Evaluation;

/** Where two outcomes first differ, in a few lines rather than two whole results. */
final class Differences {

    private Differences() {
    }

    static String between(Object a, Object b) {
        if (a instanceof Evaluation x && b instanceof Evaluation y) {
            String d = first("recommendations", x.recommendations(), y.recommendations());
            d = d != null ? d : first("flags", x.flags(), y.flags());
            d = d != null ? d : first("suppressed", x.suppressed(), y.suppressed());
            d = d != null ? d : Objects.equals(x.startBack(), y.startBack()) ? null
                    : "startBack: " + x.startBack() + "\n      vs " + y.startBack();
            return d != null ? d : "patientId or knowledge base";
        }
        return a + "\n      vs " + b;
    }

    private static String first(String name, List<?> a, List<?> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            Object x = i < a.size() ? a.get(i) : null;
            Object y = i < b.size() ? b.get(i) : null;
            if (!Objects.equals(x, y)) {
                return name + "[" + i + "]: " + x + "\n      vs " + y;
            }
        }
        return null;
    }
}
