package org.physiocds.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;
import org.physiocds.InvalidPatientException;
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
import org.slf4j.LoggerFactory;

/**
 * With every logger at TRACE and every event captured, evaluation logs neither the patient id nor
 * any fact value at INFO or above (for valid and invalid patients alike); no logger logs the patient
 * id at any level (Drools' TRACE prints the facts it inserts, but {@code Patient.toString()}
 * withholds the id); DEBUG tracing names the rules that fired; and an invalid patient is rejected
 * before any rule runs.
 */
class PhiFreeLoggingTest {

    private static final Pattern RULE_TRACE = Pattern.compile("rule ([A-Z]+-\\d+) concluded \\w+");

    private final CdsEngine engine = Fixtures.ENGINE; // built before the capture: only evaluation is under test
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger library = (Logger) LoggerFactory.getLogger("org.physiocds");
    private final Logger internal = (Logger) LoggerFactory.getLogger("org.physiocds.internal");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private Level rootLevel;
    private Level libraryLevel;
    private Level internalLevel;

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        libraryLevel = library.getLevel();
        internalLevel = internal.getLevel();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next()); // keep TRACE noise off the console while capturing
        }
        detached.forEach(root::detachAppender);
        captured.setContext(root.getLoggerContext());
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        library.setLevel(Level.TRACE);
        internal.setLevel(Level.TRACE);
    }

    @AfterEach
    void restore() {
        root.detachAppender(captured);
        captured.stop();
        detached.forEach(root::addAppender);
        root.setLevel(rootLevel);
        library.setLevel(libraryLevel);
        internal.setLevel(internalLevel);
    }

    /** A patient whose id and values are distinctive enough to be found in any log line. */
    private static Patient distinctive(String id) {
        return Patient.builder()
                .patientId(id)
                .age(97)
                .pain(Region.LOWER_BACK, 123.456, 7)
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.WEAK, Length.SHORT, true))
                .muscle(new MuscleFinding(Muscle.PIRIFORMIS, Side.BOTH, null, null, true))
                .injury(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.LEFT, 31))
                .surgery(Surgery.of(Region.HIP).daysAgo(4321))
                .stretching(StretchingHistory.builder().sessionsPerWeek(13).painReturnsWithinMinutes(47)
                        .worseNextDay(true).build())
                .signs(Sign.THORACIC_MOBILITY_RESTRICTED)
                .lifestyle(Lifestyle.FEAR_OF_MOVEMENT, Lifestyle.SEDENTARY)
                .redFlags(RedFlag.UNEXPLAINED_WEIGHT_LOSS)
                .startBack(new StartBackAnswers(true, true, false, false, true, true, false, false,
                        Bothersomeness.EXTREMELY))
                .build();
    }

    /**
     * The values of {@link #distinctive} a log line must not contain: its codes, and its numbers as
     * whole words (age 97, 123.456 weeks, 31 and 4321 days ago, 13 sessions, 47 minutes).
     */
    private static final List<Pattern> FACT_VALUES = Stream.concat(
            Stream.of("97", "123\\.456", "31", "4321", "13", "47").map(n -> "(?<![\\d.])" + n + "(?![\\d.])"),
            Stream.of("HAMSTRINGS", "PIRIFORMIS", "THORACIC_MOBILITY_RESTRICTED", "FEAR_OF_MOVEMENT",
                    "UNEXPLAINED_WEIGHT_LOSS", "EXTREMELY", "(?i)hamstrings", "(?i)piriformis"))
            .map(Pattern::compile)
            .toList();

    @Test
    void evaluate_validPatient_logsNoIdOrFactAtInfoOrAbove_andTracesRuleIdsAtDebug() {
        String id = "PHI-ID-7f3a9c-valid";
        engine.evaluate(distinctive(id));

        assertNothingAtInfoOrAbove(id);
        assertLibraryNeverLogs(id);
        Set<String> traced = tracedRules();
        assertTrue(traced.containsAll(Set.of("SAF-01", "SAF-02", "SAF-03", "MUS-05", "MUS-06", "WRN-03")),
                "DEBUG tracing names the rules that fired: " + traced);
    }

    @Test
    void evaluate_invalidPatient_rejectedBeforeAnyRuleRuns_andLogsNothingOfIt() {
        String id = "PHI-ID-2b8e41-invalid";
        Patient invalid = Patient.builder().patientId(id).age(4242).pain(Region.HIP, -123.456, 77)
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.WEAK, Length.SHORT, true))
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.NORMAL, Length.SHORT, true))
                .injury(new Injury(InjuryType.STRAIN, Muscle.PIRIFORMIS, Side.LEFT, -9876))
                .build();

        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> engine.evaluate(invalid));

        assertEquals(5, e.problems().size(), e::getMessage);
        assertFalse(e.getMessage().contains(id), "the error never quotes the patient id");
        assertEquals(List.of(), captured.list.stream().filter(ev -> ev.getLoggerName().startsWith("org.physiocds"))
                .map(ILoggingEvent::getFormattedMessage).toList(), "nothing evaluated, nothing logged");
        assertEquals(Set.of(), tracedRules(), "no rule ran");
        assertNothingAtInfoOrAbove(id, "4242", "9876", "77");
    }

    @Test
    void evaluate_generatedPatients_neverLogTheirIds() {
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED + 2, 0.3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Patient p = generator.next(i).patient();
            if (p.patientId() != null) {
                ids.add(p.patientId());
            }
            try {
                engine.evaluate(p);
            } catch (InvalidPatientException expected) {
                // validation errors are the caller's to handle; they must not be logged either
            }
        }
        assertFalse(tracedRules().isEmpty(), "the capture saw the DEBUG trace");
        assertEquals(List.of(), captured.list.stream()
                .filter(e -> e.getLoggerName().startsWith("org.physiocds") && e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList(), "the library logs nothing at INFO or above");
        for (ILoggingEvent event : captured.list) {
            String text = textOf(event);
            for (String id : ids) {
                assertFalse(text.contains(id), () -> "logged a patient id at " + event.getLevel() + " ("
                        + event.getLoggerName() + "): " + text);
            }
        }
    }

    /**
     * The library itself logs nothing at INFO or above while evaluating; no other logger (Drools')
     * logs the id or a fact value at INFO or above.
     */
    private void assertNothingAtInfoOrAbove(String id, String... moreValues) {
        List<Pattern> forbidden = new ArrayList<>(FACT_VALUES);
        forbidden.add(Pattern.compile(Pattern.quote(id)));
        Stream.of(moreValues).map(v -> Pattern.compile("(?<![\\d.])" + Pattern.quote(v) + "(?![\\d.])")).forEach(forbidden::add);
        for (ILoggingEvent event : captured.list) {
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                String text = textOf(event);
                assertFalse(event.getLoggerName().startsWith("org.physiocds"),
                        () -> "the library logged at " + event.getLevel() + ": " + text);
                forbidden.forEach(value -> assertFalse(value.matcher(text).find(),
                        () -> "logged " + value + " at " + event.getLevel() + ": " + text));
            }
        }
    }

    /** The library's own loggers do not log the id at any level, DEBUG and TRACE included. */
    private void assertLibraryNeverLogs(String id) {
        captured.list.stream().filter(e -> e.getLoggerName().startsWith("org.physiocds"))
                .forEach(e -> assertFalse(textOf(e).contains(id), () -> "logged the patient id: " + e));
    }

    private Set<String> tracedRules() {
        Set<String> ids = new TreeSet<>();
        for (ILoggingEvent event : captured.list) {
            Matcher m = RULE_TRACE.matcher(event.getFormattedMessage());
            if (event.getLevel() == Level.DEBUG && event.getLoggerName().startsWith("org.physiocds.internal") && m.matches()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** Everything an appender could write: message, arguments, MDC, throwables and their causes. */
    private static String textOf(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
        text.append(' ').append(event.getMDCPropertyMap());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
