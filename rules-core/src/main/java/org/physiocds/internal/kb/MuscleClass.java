package org.physiocds.internal.kb;

import org.physiocds.model.Muscle;

/** Derived: the knowledge base's classification of a muscle, and the source of it. */
public record MuscleClass(Muscle muscle, MuscleType type, String basis) {
}
