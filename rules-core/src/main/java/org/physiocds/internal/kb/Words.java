package org.physiocds.internal.kb;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Strength;
import org.physiocds.model.Surgery;
import org.physiocds.model.Target;

/** Helpers the rules use to write rationales in plain words. */
public final class Words {

    private Words() {
    }

    /** {@code hip flexors} becomes {@code Hip flexors}. */
    public static String cap(Target target) {
        String label = target.label();
        return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }

    /** "Hamstrings were" or "Multifidus was": the capitalised target with the verb agreeing. */
    public static String was(Target target) {
        return cap(target) + (plural(target) ? " were" : " was");
    }

    /** "Left hamstrings were", "Hamstrings were" (both sides): {@link #was(Target)} with the side when it is one side. */
    public static String was(Target target, Side side) {
        return sided(target, side) + (plural(target) ? " were" : " was");
    }

    /** "Left hamstrings", or "Hamstrings" for both sides. */
    public static String sided(Target target, Side side) {
        return side == null || side == Side.BOTH ? cap(target)
                : cap(side) + " " + target.label();
    }

    /** "left", "right" or "both". */
    public static String side(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    private static String cap(Side side) {
        String s = side(side);
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /**
     * What a recent injury means for the other side: " The right side is not injured: ..." or, for
     * an injury of both sides or of a side not given, that both sides are treated as injured.
     */
    public static String otherSide(Injury injury) {
        if (injury.side() == Side.BOTH) {
            return " The injury is recorded for both sides (or its side was not given), so neither side is"
                    + " stretched.";
        }
        String other = injury.side() == Side.LEFT ? "right" : "left";
        return " Only the " + side(injury.side()) + " side is injured: the " + other + " side is not held back"
                + " by this injury and is stretched only where a stretch of it is indicated on its own findings.";
    }

    /** "Glutes are" or "Piriformis is". */
    public static String is(Target target) {
        return cap(target) + (plural(target) ? " are" : " is");
    }

    private static boolean plural(Target target) {
        if (target instanceof Muscle m) {
            return !SINGULAR.contains(m);
        }
        return false;
    }

    private static final Set<Muscle> SINGULAR = EnumSet.of(Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS,
            Muscle.PIRIFORMIS, Muscle.QUADRATUS_LUMBORUM, Muscle.UPPER_TRAPEZIUS, Muscle.LOWER_TRAPEZIUS);

    /**
     * What a plan-wide activity item (balance with strengthening, endurance training, a warm-up
     * before exercise) says while named muscles are still healing: " It spares the recently injured
     * left hamstrings: no sport, sprinting or loading of them until they are cleared (SAF-08).", or
     * nothing when no muscle injury is recent. The injuries are {@link RecentInjury} facts.
     */
    public static String sparing(List<?> recentInjuries) {
        List<String> muscles = new ArrayList<>();
        boolean plural = recentInjuries.size() > 1;
        for (Object o : recentInjuries) {
            Injury injury = ((RecentInjury) o).injury();
            String name = injury.side() == null || injury.side() == Side.BOTH ? injury.muscle().label()
                    : side(injury.side()) + " " + injury.muscle().label();
            if (!muscles.contains(name)) {
                muscles.add(name);
            }
            plural |= plural(injury.muscle());
        }
        if (muscles.isEmpty()) {
            return "";
        }
        String names = muscles.size() == 1 ? muscles.get(0)
                : String.join(", ", muscles.subList(0, muscles.size() - 1)) + " and " + muscles.get(muscles.size() - 1);
        return " It spares the recently injured " + names + ": no sport, sprinting or loading of "
                + (plural ? "them until they are" : "it until it is") + " cleared (SAF-08).";
    }

    /**
     * How a warning sign read in seed 001's structural terms (instability, a destabilised area, a
     * progressing problem) is to be shared with a patient at high STarT Back risk, for whom such
     * words feed the fear that put them at high risk; nothing when the risk is not high. The
     * argument holds the {@link StartBackScore} facts of HIGH stratum (empty when none).
     */
    public static String gently(List<?> highRiskScores) {
        return highRiskScores.isEmpty() ? "" : " At high STarT Back risk, share this with the patient as"
                + " \"stretching alone is not helping, so the plan changes\", never as damage or a fragile back"
                + " (psychologically informed care, SBT-03).";
    }

    /** "A strain of the hamstrings 5 days ago", "An injury (not to a muscle) 10 days ago". */
    public static String injury(Injury injury) {
        String what = injury.type() == InjuryType.STRAIN ? "A strain"
                : injury.type() == InjuryType.TEAR ? "A tear" : "An injury";
        String where = injury.muscle() == null ? " (not to a muscle)" : " of the " + injury.muscle().label();
        return what + where + " " + ago(injury.daysAgo());
    }

    /** "strained 5 days ago", "torn on a date not given", "injured 3 days ago". */
    public static String injured(Injury injury) {
        String how = injury.type() == InjuryType.STRAIN ? "strained"
                : injury.type() == InjuryType.TEAR ? "torn" : "injured";
        return how + " " + ago(injury.daysAgo());
    }

    /** Red flags in words: "prolonged corticosteroid use and minor trauma with osteoporosis". */
    public static String redFlags(List<?> flags) {
        List<String> words = flags.stream().map(f -> RedFlagCategory.label((RedFlag) f)).sorted().toList();
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** "back pain" (lower back, or not known), "neck pain", "upper back pain", "knee pain". */
    public static String pain(Region region) {
        if (region == null || region == Region.LOWER_BACK) {
            return "back pain";
        }
        return (region == Region.UPPER_BACK ? "upper back" : region.label()) + " pain";
    }

    /**
     * Why decompression by hanging from a bar does not suit this patient, or {@code null} when
     * nothing here rules it out: shoulder pain or shoulder surgery (hanging loads the shoulder), or
     * neck pain or decompression of the neck (hanging pulls on the neck much as traction does).
     */
    public static String hangingUnsuitable(Patient patient, Target target) {
        if (patient.painRegion() == Region.SHOULDER) {
            return "shoulder pain: hanging from a bar loads the painful shoulder with the whole body weight";
        }
        if (patient.surgeries().stream().anyMatch(s -> s.region() == Region.SHOULDER)) {
            return "shoulder surgery: hanging from a bar loads the operated shoulder with the whole body weight";
        }
        if (patient.painRegion() == Region.NECK || target == Region.NECK) {
            return "neck pain: hanging pulls on the neck much as traction does, which is not offered for spinal"
                    + " pain (NICE NG59 1.2.7 advises against traction for low back pain), and the neck is not"
                    + " decompressed this way";
        }
        return null;
    }

    /** Whether the pain is in a peripheral joint (shoulder, hip, knee, ankle), not the spine or unknown. */
    public static boolean isPeripheralJoint(Region region) {
        return region == Region.SHOULDER || region == Region.HIP || region == Region.KNEE || region == Region.ANKLE;
    }

    /** Whether the patient has had surgery on {@code region} (any date), or surgery of a region not given. */
    public static boolean operatedOn(Patient patient, Region region) {
        return patient.surgeries().stream().anyMatch(s -> s.region() == null || s.region() == region);
    }

    /**
     * " (derived from the record: age 62 and back pain for 3 weeks; not ticked on the screen)" when
     * {@code flags} hold AGE_OVER_50_NEW_PAIN that the patient's own red flags do not, otherwise "".
     */
    public static String derivedNote(Patient patient, List<?> flags) {
        if (!flags.contains(RedFlag.AGE_OVER_50_NEW_PAIN) || patient.redFlags().contains(RedFlag.AGE_OVER_50_NEW_PAIN)) {
            return "";
        }
        return " (new pain after the age of 50 derived from the record, age " + patient.age() + " and "
                + Words.pain(patient.painRegion()) + " for " + weeks(patient.painDurationWeeks())
                + " weeks, not ticked on the screen)";
    }

    private static String weeks(Double w) {
        return w == Math.rint(w) ? String.valueOf(w.longValue()) : String.valueOf(w);
    }

    /** "operated on 40 days ago" and the region. */
    public static String operated(Surgery surgery) {
        String where = surgery.region() == null ? "" : " (" + surgery.region().label()
                + (surgery.side() == null || surgery.side() == Side.BOTH ? "" : ", " + side(surgery.side()) + " side") + ")";
        return "surgery" + where + " " + ago(surgery.daysAgo());
    }

    /**
     * ", within the 42-day recent-injury threshold (recentInjuryDays)", or nothing when the date is
     * not given (the injury is then treated as still healing, whatever the threshold).
     */
    public static String within(Injury injury, int thresholdDays) {
        return injury.daysAgo() == null ? ""
                : ", within the " + thresholdDays + "-day recent-injury threshold (recentInjuryDays)";
    }

    /** "once a week", "twice a week", "3 times a week". */
    public static String timesAWeek(int sessions) {
        return (sessions == 1 ? "once" : sessions == 2 ? "twice" : sessions + " times") + " a week";
    }

    /** "5 days ago", or "on a date not given". */
    public static String ago(Integer days) {
        return days == null ? "on a date not given (treated as still healing)"
                : days == 1 ? "1 day ago" : days + " days ago";
    }

    /**
     * What was assessed, findings that matter first: "weak and long", "short and of normal
     * strength", "not assessed"; the side when it is one side: "short, left side".
     */
    public static String assessed(MuscleFinding f) {
        List<String> abnormal = new ArrayList<>();
        List<String> normal = new ArrayList<>();
        if (f.strength() == Strength.WEAK) {
            abnormal.add("weak");
        } else if (f.strength() == Strength.NORMAL) {
            normal.add("of normal strength");
        }
        if (f.length() == Length.NORMAL) {
            normal.add("of normal length");
        } else if (f.length() != null) {
            abnormal.add(f.length().name().toLowerCase(Locale.ROOT));
        }
        abnormal.addAll(normal);
        return (abnormal.isEmpty() ? "not assessed" : "assessed " + String.join(" and ", abnormal)) + sideNote(f.side());
    }

    /** ", left side", or nothing for both sides. */
    public static String sideNote(Side side) {
        return side == Side.BOTH ? "" : ", " + side(side) + " side";
    }
}
