package org.physiocds.internal.kb;

import java.util.Objects;
import org.physiocds.Action;
import org.physiocds.Referral;
import org.physiocds.Restriction;
import org.physiocds.Topic;
import org.physiocds.Urgency;
import org.physiocds.model.Muscle;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * A rule proposes this recommendation, for the reason given in {@code rationale}.
 *
 * @param action    what to do
 * @param target    a muscle, a region or GENERAL
 * @param side      for a muscle: LEFT, RIGHT or BOTH; {@code null} for a region or GENERAL
 * @param topic       for GENERAL: what the advice is about; {@code null} otherwise
 * @param referral    for REFER: how soon and why; {@code null} otherwise
 * @param restriction for DO_NOT_STRETCH: a contraindication or "not indicated"; {@code null} otherwise
 * @param rationale   what was seen and why, in plain words
 */
public record Advice(Action action, Target target, Side side, Topic topic, Referral referral,
        Restriction restriction, String rationale) implements Conclusion {

    public Advice {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        if ((action == Action.REFER) != (referral != null)) {
            throw new IllegalArgumentException("a referral is given for REFER, and only for REFER: " + action + " " + target);
        }
        if ((action == Action.DO_NOT_STRETCH) != (restriction != null)) {
            throw new IllegalArgumentException("a restriction is given for DO_NOT_STRETCH, and only for it: " + action + " " + target);
        }
        if ((target instanceof Muscle) != (side != null)) {
            throw new IllegalArgumentException("a side is given for a muscle, and only for a muscle: " + action + " " + target);
        }
        if ((target == Target.GENERAL) != (topic != null)) {
            throw new IllegalArgumentException("a topic is given for GENERAL, and only for GENERAL: " + action + " " + target);
        }
    }

    /** Advice about a muscle on one side, or both (not a referral or a do-not-stretch). */
    public static Advice muscle(Action action, Muscle muscle, Side side, String rationale) {
        return new Advice(action, muscle, side, null, null, null, rationale);
    }

    /** Advice about a whole region (not a referral or a do-not-stretch). */
    public static Advice region(Action action, Region region, String rationale) {
        return new Advice(action, region, null, null, null, null, rationale);
    }

    /** Advice about the programme as a whole, on one topic (not a referral). */
    public static Advice general(Action action, Topic topic, String rationale) {
        return new Advice(action, Target.GENERAL, null, topic, null, null, rationale);
    }

    /** Do not stretch a muscle on a side (or both), for the reason given by {@code restriction}. */
    public static Advice doNotStretch(Muscle muscle, Side side, Restriction restriction, String rationale) {
        return new Advice(Action.DO_NOT_STRETCH, muscle, side, null, null, restriction, rationale);
    }

    /** Do not stretch the muscles of a region, for the reason given by {@code restriction}. */
    public static Advice doNotStretch(Region region, Restriction restriction, String rationale) {
        return new Advice(Action.DO_NOT_STRETCH, region, null, null, null, restriction, rationale);
    }

    /** Refer about a muscle on a side (or both): its exercise waits for the clinician (CON-02). */
    public static Advice refer(Muscle muscle, Side side, Urgency urgency, Referral.Reason reason, String rationale) {
        return new Advice(Action.REFER, muscle, side, null, new Referral(urgency, reason), null, rationale);
    }

    /** Refer about a region: its exercise waits for the clinician (CON-02). */
    public static Advice refer(Region region, Urgency urgency, Referral.Reason reason, String rationale) {
        return new Advice(Action.REFER, region, null, null, new Referral(urgency, reason), null, rationale);
    }

    /** Refer, about the programme as a whole, on one topic. */
    public static Advice refer(Topic topic, Urgency urgency, Referral.Reason reason, String rationale) {
        return new Advice(Action.REFER, Target.GENERAL, null, topic, new Referral(urgency, reason), null, rationale);
    }

    /**
     * Whether this advice forbids {@code other}, a stretch: a do-not-stretch of the same muscle on
     * an overlapping side, or of the region the stretched muscle lies in.
     */
    public boolean forbidsStretching(Advice other) {
        return other.action == Action.STRETCH && forbidsStretching(other.target, other.side);
    }

    /** Whether this is a do-not-stretch of {@code muscle} on a side overlapping {@code side}, or of its region. */
    public boolean forbidsStretching(Target other, Side otherSide) {
        return action == Action.DO_NOT_STRETCH && target.covers(other) && overlaps(side, otherSide);
    }

    /**
     * Whether this is a referral about a muscle or region that withholds {@code other}, an exercise
     * or advice outside the safety phase, until a clinician has cleared it: a referral about a region
     * withholds everything about the region and its muscles; one about a healing muscle withholds
     * everything about the region it acts on: region-wide advice (decompression, stabilisation,
     * mobilisation) and the exercise of the region's muscles, itself included, on an overlapping side.
     */
    public boolean withholdsExerciseOf(Advice other) {
        if (action != Action.REFER || target == Target.GENERAL || other.action.phase() == org.physiocds.Phase.SAFETY) {
            return false;
        }
        if (referral.reason() == Referral.Reason.SURGERY_CLEARANCE) {
            // A surgery holds what loads the operated region, on the operated side, through its
            // RecentSurgery (SurgicalRegions), not through the region's own muscles.
            return false;
        }
        if (target instanceof Muscle m) {
            // The healing muscle and the region it acts on: region-wide loading, and exercise of the
            // region's other muscles on the same side (a bridge for the glutes loads a healing hamstring).
            return m.region().covers(other.target) && overlaps(side, other.side);
        }
        return concerns(other);
    }

    /** Whether this advice's target and side include {@code other}'s (a region includes its muscles, BOTH includes a side). */
    private boolean concerns(Advice other) {
        return target.covers(other.target) && overlaps(side, other.side);
    }

    /** Whether two sides share a side; {@code null} (a region) has every side. */
    public static boolean overlaps(Side a, Side b) {
        return a == null || b == null || a == Side.BOTH || b == Side.BOTH || a == b;
    }
}
