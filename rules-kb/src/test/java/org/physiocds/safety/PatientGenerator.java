package org.physiocds.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * Generates patients from a seed, valid ones and invalid ones, for the property tests. The values
 * cluster where the rules decide: injuries on either side of the 42-day recent-injury threshold
 * (and of unknown date) on every muscle, often a muscle that is also assessed short so a stretch
 * is proposed and must be overruled; pain returning 59, 60 or 61 minutes after stretching;
 * surgeries around 90 days; every sign, lifestyle factor and red flag; LEFT, RIGHT and BOTH sides.
 *
 * <p>An invalid patient is a valid one with one to three corruptions (out-of-range values, nulls,
 * contradictions), and the case records the exact problem paths the validator must report.
 */
final class PatientGenerator {

    /** One generated patient and the problem paths validation must report (none: it is valid). */
    record Case(int index, Patient patient, Set<String> expectedProblems) {
        boolean valid() {
            return expectedProblems.isEmpty();
        }
    }

    private static final Integer[] INJURY_DAYS = {null, 0, 1, 41, 42, 43, 90, 365};
    private static final Integer[] SURGERY_DAYS = {null, 0, 89, 90, 91, 400};
    private static final Integer[] MINUTES = {null, 0, 1, 59, 60, 61, 120};
    private static final Integer[] SESSIONS = {null, 0, 1, 2, 3, 4, 7, 14, 50};
    private static final Double[] WEEKS = {null, 0.0, 0.5, 11.5, 12.0, 12.5, 52.0};

    private final Random random;
    private final double invalidShare;

    PatientGenerator(long seed, double invalidShare) {
        this.random = new Random(seed);
        this.invalidShare = invalidShare;
    }

    Case next(int index) {
        Draft d = new Draft();
        d.patientId = random.nextInt(10) == 0 ? null : "pid-" + Integer.toHexString(random.nextInt()) + "-" + index;
        d.age = random.nextInt(10) == 0 ? null : random.nextInt(8) == 0 ? pick(0, 120) : random.nextInt(121);
        d.painRegion = random.nextInt(7) == 0 ? null : random.nextInt(2) == 0 ? Region.LOWER_BACK : pick(Region.values());
        d.painDurationWeeks = random.nextBoolean() ? pick(WEEKS) : random.nextDouble() * 520;
        d.painIntensity = random.nextInt(7) == 0 ? null : random.nextInt(11);
        muscles(d);
        injuries(d);
        surgeries(d);
        d.stretching = random.nextInt(4) == 0 ? null : stretching();
        d.signs.addAll(subset(Sign.values(), 0.25));
        d.lifestyle.addAll(subset(Lifestyle.values(), 0.2));
        if (random.nextInt(4) == 0) {
            d.redFlags.addAll(subset(RedFlag.values(), 0.15));
        }
        if (random.nextInt(20) == 0 && !d.signs.isEmpty()) {
            d.signs.add(d.signs.get(0)); // a repeated code is harmless
        }
        d.startBack = random.nextInt(3) == 0 ? startBack() : null;

        Set<String> expected = new TreeSet<>();
        if (random.nextDouble() < invalidShare) {
            int corruptions = 1 + random.nextInt(3);
            for (int tries = 0; expected.size() < corruptions && tries < 20; tries++) {
                String path = corrupt(d);
                if (path != null) {
                    expected.add(path);
                }
            }
        }
        return new Case(index, d.build(), expected);
    }

    /** Whole muscles on BOTH sides or LEFT/RIGHT findings, never a contradiction (valid). */
    private void muscles(Draft d) {
        int count = pickWeighted(new int[] {15, 20, 25, 20, 12, 8});
        List<Muscle> muscles = new ArrayList<>(Arrays.asList(Muscle.values()));
        java.util.Collections.shuffle(muscles, random);
        for (Muscle m : muscles.subList(0, count)) {
            if (random.nextInt(5) < 3) {
                d.muscles.add(finding(m, Side.BOTH));
            } else {
                if (random.nextBoolean()) {
                    d.muscles.add(finding(m, Side.LEFT));
                }
                if (random.nextBoolean()) {
                    d.muscles.add(finding(m, Side.RIGHT));
                }
            }
        }
        if (!d.muscles.isEmpty() && random.nextInt(20) == 0) {
            d.muscles.add(pick(d.muscles)); // the same finding twice is no contradiction
        }
        if (random.nextInt(30) == 0) {
            Muscle m = pick(Muscle.values());
            if (d.muscles.stream().noneMatch(f -> f.muscle() == m)) {
                d.muscles.add(new MuscleFinding(m, null, null, null, null)); // nothing assessed; no side: BOTH
            }
        }
    }

    private MuscleFinding finding(Muscle m, Side side) {
        Strength strength = random.nextInt(10) < 3 ? null : random.nextInt(10) < 6 ? Strength.WEAK : Strength.NORMAL;
        int l = random.nextInt(20);
        Length length = l < 5 ? null : l < 12 ? Length.SHORT : l < 16 ? Length.NORMAL : Length.LONG;
        Boolean tight = random.nextInt(10) < 3 ? null : random.nextInt(10) < 6;
        return new MuscleFinding(m, side, strength, length, tight);
    }

    private void injuries(Draft d) {
        int count = pickWeighted(new int[] {35, 35, 20, 10});
        for (int i = 0; i < count; i++) {
            d.injuries.add(injury(d, pick(InjuryType.STRAIN, InjuryType.STRAIN, InjuryType.TEAR, InjuryType.OTHER),
                    days(INJURY_DAYS, 2000)));
        }
    }

    /** Mostly to a muscle already found (often one assessed short), sometimes not to a muscle. */
    private Injury injury(Draft d, InjuryType type, Integer daysAgo) {
        int where = random.nextInt(20);
        Muscle muscle;
        Side side = pick(null, Side.LEFT, Side.RIGHT, Side.BOTH);
        List<MuscleFinding> found = d.muscles.stream().filter(f -> f != null && f.muscle() != null).toList();
        List<MuscleFinding> shortened = found.stream().filter(f -> f.length() == Length.SHORT).toList();
        if (where < 8 && !shortened.isEmpty()) {
            MuscleFinding f = pick(shortened);
            muscle = f.muscle();
            side = random.nextBoolean() ? f.side() : side;
        } else if (where < 12 && !found.isEmpty()) {
            muscle = pick(found).muscle();
        } else if (where < 17) {
            muscle = pick(Muscle.values());
        } else {
            muscle = null; // an injury not to a muscle
        }
        return new Injury(type, muscle, side, daysAgo);
    }

    private void surgeries(Draft d) {
        int count = pickWeighted(new int[] {70, 22, 8});
        for (int i = 0; i < count; i++) {
            d.surgeries.add(new Surgery(random.nextInt(8) == 0 ? null : pick(Region.values()), days(SURGERY_DAYS, 3000),
                    random.nextInt(3) == 0 ? pick(Side.LEFT, Side.RIGHT, Side.BOTH) : null));
        }
    }

    private StretchingHistory stretching() {
        return new StretchingHistory(
                random.nextBoolean() ? pick(SESSIONS) : Integer.valueOf(random.nextInt(51)),
                random.nextInt(4) > 0 ? pick(MINUTES) : Integer.valueOf(random.nextInt(600)),
                bool(), bool(), bool(), bool(), bool(), bool(), bool(), bool());
    }

    private StartBackAnswers startBack() {
        return new StartBackAnswers(random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                random.nextBoolean(), pick(Bothersomeness.values()));
    }

    /**
     * Applies one corruption and returns the path validation must report for it, or {@code null}
     * when this corruption does not apply to the draft (the caller tries another). Each scalar
     * field is corrupted at most once; list elements are appended, so earlier paths stay valid.
     */
    private String corrupt(Draft d) {
        switch (random.nextInt(18)) {
            case 0:
                if (d.badScalars.add("age")) {
                    d.age = pick(-1, 121, 200, -50, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    return "age";
                }
                return null;
            case 1:
                if (d.badScalars.add("painIntensity")) {
                    d.painIntensity = pick(-1, 11, 100, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    return "painIntensity";
                }
                return null;
            case 2:
                if (d.badScalars.add("painDurationWeeks")) {
                    d.painDurationWeeks = pick(-0.001, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
                            Double.NEGATIVE_INFINITY, -Double.MAX_VALUE);
                    return "painDurationWeeks";
                }
                return null;
            case 3:
                d.muscles.add(null);
                return "muscles[" + (d.muscles.size() - 1) + "]";
            case 4:
                d.muscles.add(new MuscleFinding(null, pick(Side.values()), Strength.WEAK, null, null));
                return "muscles[" + (d.muscles.size() - 1) + "].muscle";
            case 5:
                return differentFinding(d);
            case 6:
                return mixedSides(d);
            case 7:
                d.injuries.add(null);
                return "injuries[" + (d.injuries.size() - 1) + "]";
            case 8:
                d.injuries.add(new Injury(null, pick(Muscle.values()), null, days(INJURY_DAYS, 100)));
                return "injuries[" + (d.injuries.size() - 1) + "].type";
            case 9:
                d.injuries.add(injury(d, pick(InjuryType.values()), pick(-1, -42, Integer.MIN_VALUE)));
                return "injuries[" + (d.injuries.size() - 1) + "].daysAgo";
            case 10:
                d.surgeries.add(null);
                return "surgeries[" + (d.surgeries.size() - 1) + "]";
            case 11:
                d.surgeries.add(new Surgery(pick(Region.values()), pick(-1, -90, Integer.MIN_VALUE)));
                return "surgeries[" + (d.surgeries.size() - 1) + "].daysAgo";
            case 12:
                return badStretching(d, "stretching.sessionsPerWeek",
                        () -> pick(-1, 51, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case 13:
                return badStretching(d, "stretching.painReturnsWithinMinutes", () -> pick(-1, -60, Integer.MIN_VALUE));
            case 14:
                d.signs.add(null);
                return "signs[" + (d.signs.size() - 1) + "]";
            case 15:
                d.lifestyle.add(null);
                return "lifestyle[" + (d.lifestyle.size() - 1) + "]";
            case 16:
                d.redFlags.add(null);
                return "redFlags[" + (d.redFlags.size() - 1) + "]";
            default:
                return partialStartBack(d);
        }
    }

    /** The same muscle and side again, with a different finding: reported once per muscle and side. */
    private String differentFinding(Draft d) {
        List<MuscleFinding> found = d.muscles.stream()
                .filter(f -> f != null && f.muscle() != null && !d.contradicted.contains(f.muscle() + " " + f.side()))
                .toList();
        if (found.isEmpty()) {
            return null;
        }
        MuscleFinding f = pick(found);
        Length other = f.length() == Length.SHORT ? Length.LONG : Length.SHORT;
        d.muscles.add(new MuscleFinding(f.muscle(), f.side(), f.strength(), other, f.feelsTight()));
        d.contradicted.add(f.muscle() + " " + f.side());
        return "muscles[" + (d.muscles.size() - 1) + "]";
    }

    /** BOTH beside LEFT or RIGHT for one muscle: reported once per muscle. */
    private String mixedSides(Draft d) {
        List<MuscleFinding> found = d.muscles.stream()
                .filter(f -> f != null && f.muscle() != null && !d.mixed.contains(f.muscle()))
                .toList();
        if (found.isEmpty()) {
            return null;
        }
        MuscleFinding f = pick(found);
        Side side = f.side() == Side.BOTH ? pick(Side.LEFT, Side.RIGHT) : Side.BOTH;
        if (d.muscles.stream().anyMatch(m -> m != null && m.muscle() == f.muscle() && m.side() == side)) {
            return null; // that key exists already: the finding could also be a different-finding contradiction
        }
        d.muscles.add(new MuscleFinding(f.muscle(), side, f.strength(), f.length(), f.feelsTight()));
        d.mixed.add(f.muscle());
        return "muscles[" + (d.muscles.size() - 1) + "].side";
    }

    /** STarT Back answers with one of the nine items missing: all nine are required. */
    private String partialStartBack(Draft d) {
        if (!d.badScalars.add("startBack")) {
            return null;
        }
        StartBackAnswers a = startBack();
        Boolean[] items = {a.item1(), a.item2(), a.item3(), a.item4(), a.item5(), a.item6(), a.item7(), a.item8()};
        int missing = random.nextInt(9);
        if (missing < 8) {
            items[missing] = null;
        }
        d.startBack = new StartBackAnswers(items[0], items[1], items[2], items[3], items[4], items[5], items[6],
                items[7], missing == 8 ? null : a.item9());
        return "startBack.item" + (missing + 1);
    }

    private String badStretching(Draft d, String path, Supplier<Integer> bad) {
        if (!d.badScalars.add(path)) {
            return null;
        }
        StretchingHistory h = d.stretching == null ? stretching() : d.stretching;
        boolean sessions = path.endsWith("sessionsPerWeek");
        d.stretching = new StretchingHistory(sessions ? bad.get() : h.sessionsPerWeek(),
                sessions ? h.painReturnsWithinMinutes() : bad.get(),
                h.needsMoreForSameRelief(), h.worseNextDay(), h.worseDespiteConsistentStretching(),
                h.painDuringStretch(), h.ballistic(), h.warmsUpFirst(), h.staticBeforeExercise(), h.aggressive());
        return path;
    }

    private Integer days(Integer[] interesting, int max) {
        return random.nextInt(10) < 7 ? pick(interesting) : Integer.valueOf(random.nextInt(max + 1));
    }

    private Boolean bool() {
        int b = random.nextInt(10);
        return b < 3 ? null : b < 6;
    }

    private <E extends Enum<E>> List<E> subset(E[] values, double p) {
        List<E> chosen = new ArrayList<>();
        for (E value : values) {
            if (random.nextDouble() < p) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    private int pickWeighted(int[] weights) {
        int total = Arrays.stream(weights).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A patient under construction: mutable lists, and what has been corrupted already. */
    private static final class Draft {
        String patientId;
        Integer age;
        Region painRegion;
        Double painDurationWeeks;
        Integer painIntensity;
        final List<MuscleFinding> muscles = new ArrayList<>();
        final List<Injury> injuries = new ArrayList<>();
        final List<Surgery> surgeries = new ArrayList<>();
        StretchingHistory stretching;
        final List<Sign> signs = new ArrayList<>();
        final List<Lifestyle> lifestyle = new ArrayList<>();
        final List<RedFlag> redFlags = new ArrayList<>();
        StartBackAnswers startBack;
        final Set<String> badScalars = new HashSet<>();
        final Set<String> contradicted = new HashSet<>();
        final Set<Muscle> mixed = EnumSet.noneOf(Muscle.class);

        Patient build() {
            Patient.Builder b = Patient.builder().patientId(patientId).age(age)
                    .pain(painRegion, painDurationWeeks, painIntensity).stretching(stretching).startBack(startBack);
            muscles.forEach(b::muscle);
            injuries.forEach(b::injury);
            surgeries.forEach(b::surgery);
            return b.signs(signs.toArray(Sign[]::new)).lifestyle(lifestyle.toArray(Lifestyle[]::new))
                    .redFlags(redFlags.toArray(RedFlag[]::new)).build();
        }
    }
}
