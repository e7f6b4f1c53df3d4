package org.physiocds.internal.kb;

import org.physiocds.Action;
import org.physiocds.model.Target;

/** A rule proposes this recommendation, for the reason given in {@code rationale}. */
public record Advice(Action action, Target target, String rationale) implements Conclusion {

    /** Whether this advice forbids stretching {@code other} (the same target or a muscle in this region). */
    public boolean forbidsStretching(Target other) {
        return action == Action.DO_NOT_STRETCH && target.covers(other);
    }

    /** Whether this is a referral about a muscle or region that withholds exercising {@code other} until cleared. */
    public boolean withholdsExerciseOf(Target other) {
        return action == Action.REFER && target != Target.GENERAL && target.covers(other);
    }
}
