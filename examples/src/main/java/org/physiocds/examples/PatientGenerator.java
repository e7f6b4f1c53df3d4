package org.physiocds.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
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
 * Synthetic patients that look like a physiotherapy caseload, reproducible from a seed: patient
 * {@code i} of seed {@code s} is always the same, whatever else is generated, so a run of any size
 * can be repeated exactly. Every patient is valid.
 *
 * <p>The mix (made up, but plausible): adults of 18-85, mostly low back pain, then neck, shoulder
 * and the other regions; pain from days to years; the muscles a clinician would assess for that
 * region, phasic muscles more often weak and long, tonic ones more often short and tight; a
 * quarter with an injury, a few with a recent surgery; most stretch, some too often or badly;
 * signs, lifestyle factors, and rarely a red flag or a STarT Back screening. About one field in
 * twenty is left unknown, as in real records.
 */
public final class PatientGenerator {

    private static final Region[] REGIONS = Region.values();
    /** Share of caseload per pain region, in {@link Region} order (LOWER_BACK first). */
    private static final double[] REGION_WEIGHTS = {0.55, 0.08, 0.14, 0.09, 0.06, 0.05, 0.03};

    private static final Set<Muscle> PHASIC = EnumSet.of(Muscle.GLUTES, Muscle.LOWER_BACK_EXTENSORS,
            Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS, Muscle.DEEP_CERVICAL_FLEXORS, Muscle.RHOMBOIDS,
            Muscle.LOWER_TRAPEZIUS);

    private final long seed;

    public PatientGenerator(long seed) {
        this.seed = seed;
    }

    /** Patients {@code 0 .. count-1}, in order. */
    public Stream<Patient> patients(long count) {
        return LongStream.range(0, count).mapToObj(this::patient);
    }

    /** Patient number {@code index}: the same for the same seed and index, every time. */
    public Patient patient(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Region region = chance(random, 0.97) ? weighted(random, REGIONS, REGION_WEIGHTS) : null;
        Patient.Builder p = Patient.builder()
                .patientId("synthetic-" + seed + "-" + index)
                .age(chance(random, 0.96) ? clamp((int) Math.round(47 + 15 * random.nextGaussian()), 18, 85) : null)
                .pain(region,
                        chance(random, 0.95) ? weeks(random) : null,
                        chance(random, 0.9) ? clamp((int) Math.round(5 + 2 * random.nextGaussian()), 0, 10) : null);
        List<Muscle> assessed = musclesFor(random, region);
        for (Muscle m : assessed) {
            addFindings(random, p, m);
        }
        if (chance(random, 0.25)) {
            p.injury(injury(random, assessed));
            if (chance(random, 0.15)) {
                p.injury(injury(random, assessed));
            }
        }
        if (chance(random, 0.05)) {
            p.surgery(Surgery.of(region != null && chance(random, 0.7) ? region : pick(random, REGIONS))
                    .daysAgo(random.nextInt(730)));
        }
        if (chance(random, 0.7)) {
            p.stretching(stretching(random));
        }
        p.signs(some(random, Sign.values(), 0.12));
        p.lifestyle(some(random, Lifestyle.values(), 0.2));
        if (chance(random, 0.03)) {
            p.redFlags(pick(random, RedFlag.values()));
        }
        if (chance(random, 0.15)) {
            p.startBack(startBack(random));
        }
        return p.build();
    }

    /** Weeks of pain: skewed, from under a week to several years; half-weeks for recent pain. */
    private static double weeks(SplittableRandom random) {
        double weeks = Math.exp(random.nextDouble(-1.0, 5.5));
        return weeks < 8 ? Math.round(weeks * 2) / 2.0 : Math.round(weeks);
    }

    /** The muscles a clinician would assess for pain in {@code region}, and now and then another. */
    private static List<Muscle> musclesFor(SplittableRandom random, Region region) {
        Muscle[] usual = region == null ? new Muscle[0] : switch (region) {
            case LOWER_BACK -> new Muscle[] {Muscle.GLUTES, Muscle.LOWER_BACK_EXTENSORS, Muscle.TRANSVERSE_ABDOMINIS,
                Muscle.MULTIFIDUS, Muscle.HIP_FLEXORS, Muscle.PIRIFORMIS, Muscle.HAMSTRINGS, Muscle.QUADRATUS_LUMBORUM};
            case UPPER_BACK -> new Muscle[] {Muscle.RHOMBOIDS, Muscle.LOWER_TRAPEZIUS, Muscle.PECTORALS,
                Muscle.UPPER_TRAPEZIUS};
            case NECK -> new Muscle[] {Muscle.UPPER_TRAPEZIUS, Muscle.DEEP_CERVICAL_FLEXORS, Muscle.PECTORALS,
                Muscle.LOWER_TRAPEZIUS};
            case SHOULDER -> new Muscle[] {Muscle.PECTORALS, Muscle.RHOMBOIDS, Muscle.LOWER_TRAPEZIUS,
                Muscle.UPPER_TRAPEZIUS};
            case HIP -> new Muscle[] {Muscle.GLUTES, Muscle.HIP_FLEXORS, Muscle.PIRIFORMIS, Muscle.HAMSTRINGS};
            case KNEE -> new Muscle[] {Muscle.QUADRICEPS, Muscle.HAMSTRINGS, Muscle.CALVES, Muscle.GLUTES};
            case ANKLE -> new Muscle[] {Muscle.CALVES, Muscle.QUADRICEPS, Muscle.GLUTES};
        };
        Set<Muscle> chosen = EnumSet.noneOf(Muscle.class);
        int count = random.nextInt(Math.min(usual.length, 5) + 1);
        while (chosen.size() < count) {
            chosen.add(pick(random, usual));
        }
        if (chance(random, 0.15)) {
            chosen.add(pick(random, Muscle.values()));
        }
        return new ArrayList<>(chosen);
    }

    /** One finding for both sides, or (one time in eight) a finding per side. */
    private static void addFindings(SplittableRandom random, Patient.Builder p, Muscle m) {
        if (chance(random, 0.875)) {
            p.muscle(finding(random, m, Side.BOTH));
        } else {
            p.muscle(finding(random, m, Side.LEFT));
            if (chance(random, 0.5)) {
                p.muscle(finding(random, m, Side.RIGHT));
            }
        }
    }

    private static MuscleFinding finding(SplittableRandom random, Muscle m, Side side) {
        boolean phasic = PHASIC.contains(m);
        Strength strength = chance(random, 0.2) ? null
                : chance(random, phasic ? 0.6 : 0.25) ? Strength.WEAK : Strength.NORMAL;
        Length length = chance(random, 0.25) ? null
                : phasic ? weighted(random, Length.values(), new double[] {0.1, 0.5, 0.4})
                : weighted(random, Length.values(), new double[] {0.55, 0.4, 0.05});
        Boolean tight = chance(random, 0.15) ? null : chance(random, phasic ? 0.2 : 0.6);
        return new MuscleFinding(m, side, strength, length, tight);
    }

    private static Injury injury(SplittableRandom random, List<Muscle> assessed) {
        InjuryType type = weighted(random, InjuryType.values(), new double[] {0.55, 0.15, 0.3});
        Muscle muscle = type == InjuryType.OTHER && chance(random, 0.6) ? null
                : !assessed.isEmpty() && chance(random, 0.8) ? pick(random, assessed.toArray(new Muscle[0]))
                : pick(random, Muscle.values());
        Side side = chance(random, 0.3) ? Side.BOTH : chance(random, 0.5) ? Side.LEFT : Side.RIGHT;
        Integer daysAgo = chance(random, 0.03) ? null
                : chance(random, 0.4) ? random.nextInt(60) : random.nextInt(60, 1500);
        return new Injury(type, muscle, side, daysAgo);
    }

    private static StretchingHistory stretching(SplittableRandom random) {
        int sessions = weighted(random, new Integer[] {0, 1, 2, 3, 5, 7, 14, 21},
                new double[] {0.1, 0.15, 0.15, 0.2, 0.15, 0.15, 0.07, 0.03});
        return StretchingHistory.builder()
                .sessionsPerWeek(chance(random, 0.95) ? sessions : null)
                .painReturnsWithinMinutes(chance(random, 0.3) ? 5 * random.nextInt(1, 49) : null)
                .needsMoreForSameRelief(bool(random, 0.15))
                .worseNextDay(bool(random, 0.1))
                .worseDespiteConsistentStretching(bool(random, 0.08))
                .painDuringStretch(bool(random, 0.12))
                .ballistic(bool(random, 0.07))
                .warmsUpFirst(bool(random, 0.45))
                .staticBeforeExercise(bool(random, 0.25))
                .aggressive(bool(random, 0.1))
                .build();
    }

    private static StartBackAnswers startBack(SplittableRandom random) {
        double distress = random.nextDouble();
        return new StartBackAnswers(chance(random, 0.5), chance(random, 0.4), chance(random, 0.35),
                chance(random, 0.45), chance(random, distress * 0.8), chance(random, distress * 0.7),
                chance(random, distress * 0.6), chance(random, distress * 0.7),
                Bothersomeness.values()[clamp((int) (distress * 5), 0, 4)]);
    }

    /** Known {@code true} with probability {@code p}, otherwise known {@code false}; unknown one time in five. */
    private static Boolean bool(SplittableRandom random, double p) {
        return chance(random, 0.2) ? null : chance(random, p);
    }

    /** Each value independently with probability {@code p}. */
    private static <T> T[] some(SplittableRandom random, T[] values, double p) {
        List<T> chosen = new ArrayList<>();
        for (T value : values) {
            if (chance(random, p)) {
                chosen.add(value);
            }
        }
        return chosen.toArray(Arrays.copyOf(values, 0));
    }

    private static boolean chance(SplittableRandom random, double p) {
        return random.nextDouble() < p;
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T weighted(SplittableRandom random, T[] values, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < values.length - 1; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
