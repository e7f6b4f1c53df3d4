package org.physiocds.model;

/**
 * What a clinician found about one muscle on one side. Any assessment may be absent ({@code null}),
 * meaning "not assessed", never "normal".
 *
 * @param muscle     the muscle
 * @param side       the side; {@code null} means {@link Side#BOTH}
 * @param strength   assessed strength, or {@code null} when not assessed
 * @param length     assessed length, or {@code null} when not assessed
 * @param feelsTight whether the patient reports it feels tight, or {@code null} when not asked
 */
public record MuscleFinding(Muscle muscle, Side side, Strength strength, Length length, Boolean feelsTight) {

    public MuscleFinding {
        side = side == null ? Side.BOTH : side;
    }

    public boolean isWeak() {
        return strength == Strength.WEAK;
    }

    public boolean isShortened() {
        return length == Length.SHORT;
    }

    public boolean isLengthened() {
        return length == Length.LONG;
    }

    public boolean isLengthAssessed() {
        return length != null;
    }

    public boolean isTight() {
        return Boolean.TRUE.equals(feelsTight);
    }
}
