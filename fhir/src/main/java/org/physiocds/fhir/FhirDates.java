package org.physiocds.fhir;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Dates as FHIR writes them ({@code 2026}, {@code 2026-05}, {@code 2026-05-14},
 * {@code 2026-05-14T10:00:00+02:00}), read from their text so that no time zone of the machine
 * enters the arithmetic: a date-time counts on the calendar day it was written with.
 */
final class FhirDates {

    private FhirDates() {
    }

    /**
     * The calendar day a FHIR date or date-time names. A partial date stands for its last day
     * ({@code 2026-05} is 31 May), the cautious reading: an injury, a surgery or the pain counts as
     * no older than the date allows. {@code null} when the text is not a FHIR date.
     */
    static LocalDate latestDay(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 4) {
                return LocalDate.of(Integer.parseInt(text), 12, 31);
            }
            if (text.length() == 7) {
                return YearMonth.parse(text).atEndOfMonth();
            }
            if (text.length() >= 10) {
                return LocalDate.parse(text.substring(0, 10));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** The first day a partial date allows ({@code 2026-05} is 1 May). */
    static LocalDate earliestDay(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 4) {
                return LocalDate.of(Integer.parseInt(text), 1, 1);
            }
            if (text.length() == 7) {
                return YearMonth.parse(text).atDay(1);
            }
            if (text.length() >= 10) {
                return LocalDate.parse(text.substring(0, 10));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /**
     * A key that orders FHIR date-times by when they happened, for "the latest one wins": the
     * instant of a date-time with its offset, the start of the day (UTC) of a date or partial date.
     * {@code Long.MIN_VALUE} when there is no date: an undated observation loses to a dated one.
     */
    static long orderKey(String text) {
        if (text == null) {
            return Long.MIN_VALUE;
        }
        if (text.length() > 10) {
            try {
                return OffsetDateTime.parse(text).toEpochSecond();
            } catch (DateTimeParseException e) {
                // a date-time without seconds or offset: fall back to its day
            }
        }
        LocalDate day = earliestDay(text);
        return day == null ? Long.MIN_VALUE : day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
}
