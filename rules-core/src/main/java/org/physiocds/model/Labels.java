package org.physiocds.model;

import java.util.Locale;

final class Labels {
    private Labels() {
    }

    /** {@code HIP_FLEXORS} becomes {@code hip flexors}. */
    static String of(Enum<?> code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
