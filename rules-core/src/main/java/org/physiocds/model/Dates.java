package org.physiocds.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;

/**
 * Dates of onset and of surgery turned into days ago. The rule, the same as the FHIR mapping's:
 * the whole calendar days from the date to the patient's as-of date, {@code ChronoUnit.DAYS.between(date, asOf)}.
 * A date after the as-of date gives a negative count, which validation reports like any other.
 */
final class Dates {

    static final String NO_AS_OF = "an as-of date to count the days from the date given (Patient.Builder.asOf)";
    static final String TOO_FAR = "a date at most " + Integer.MAX_VALUE + " days from the as-of date";

    private Dates() {
    }

    static InvalidPatientException noAsOf(String path) {
        return new InvalidPatientException(List.of(new Problem(path, NO_AS_OF)));
    }

    /**
     * The days from {@code date} to {@code asOf}, or {@code null} after adding a problem at
     * {@code path} when there is no as-of date or the count does not fit an {@code int}.
     */
    static Integer daysAgo(LocalDate date, LocalDate asOf, String path, List<Problem> problems) {
        if (asOf == null) {
            problems.add(new Problem(path, NO_AS_OF));
            return null;
        }
        long days = ChronoUnit.DAYS.between(date, asOf);
        if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
            problems.add(new Problem(path, TOO_FAR));
            return null;
        }
        return (int) days;
    }
}
