package org.physiocds.internal.kb;

import org.physiocds.model.RedFlag;

/** The serious pathology a red flag points to (NICE NG59 1.1.1; ACP 2011). */
public enum RedFlagCategory {
    CAUDA_EQUINA("suspected cauda equina syndrome or other serious neurological compromise"),
    MALIGNANCY("possible spinal malignancy"),
    INFECTION("possible spinal infection"),
    FRACTURE("possible spinal fracture"),
    /** Not a red flag of the screen: derived from the age (under 16), outside the adult guidance's scope. */
    CHILD("pain in a child or adolescent (under 16)");

    private final String label;

    RedFlagCategory(String label) {
        this.label = label;
    }

    /** In words, e.g. "possible spinal infection". */
    public String label() {
        return label;
    }

    /** The category of a red flag. Every red flag has exactly one. */
    public static RedFlagCategory of(RedFlag flag) {
        switch (flag) {
            case SADDLE_ANESTHESIA:
            case BLADDER_OR_BOWEL_DYSFUNCTION:
            case PROGRESSIVE_NEUROLOGICAL_DEFICIT:
            case GAIT_DISTURBANCE:
                return CAUDA_EQUINA;
            case HISTORY_OF_CANCER:
            case UNEXPLAINED_WEIGHT_LOSS:
            case NIGHT_PAIN:
            case AGE_OVER_50_NEW_PAIN:
                return MALIGNANCY;
            case FEVER:
            case IMMUNOSUPPRESSION:
            case INTRAVENOUS_DRUG_USE:
            case RECENT_INFECTION:
                return INFECTION;
            case MAJOR_TRAUMA:
            case MINOR_TRAUMA_WITH_OSTEOPOROSIS:
            case PROLONGED_CORTICOSTEROID_USE:
                return FRACTURE;
            default:
                throw new IllegalArgumentException("no category for red flag " + flag);
        }
    }

    /** A red flag in words, for rationales: "saddle anaesthesia", "a history of cancer". */
    public static String label(RedFlag flag) {
        switch (flag) {
            case SADDLE_ANESTHESIA:
                return "saddle anaesthesia";
            case BLADDER_OR_BOWEL_DYSFUNCTION:
                return "bladder or bowel dysfunction";
            case PROGRESSIVE_NEUROLOGICAL_DEFICIT:
                return "a progressive neurological deficit";
            case GAIT_DISTURBANCE:
                return "gait disturbance";
            case HISTORY_OF_CANCER:
                return "a history of cancer";
            case UNEXPLAINED_WEIGHT_LOSS:
                return "unexplained weight loss";
            case NIGHT_PAIN:
                return "night pain";
            case AGE_OVER_50_NEW_PAIN:
                return "new pain after the age of 50";
            case FEVER:
                return "fever";
            case IMMUNOSUPPRESSION:
                return "immunosuppression";
            case INTRAVENOUS_DRUG_USE:
                return "intravenous drug use";
            case RECENT_INFECTION:
                return "a recent infection";
            case MAJOR_TRAUMA:
                return "major trauma";
            case MINOR_TRAUMA_WITH_OSTEOPOROSIS:
                return "minor trauma with osteoporosis";
            case PROLONGED_CORTICOSTEROID_USE:
                return "prolonged corticosteroid use";
            default:
                return flag.name();
        }
    }
}
