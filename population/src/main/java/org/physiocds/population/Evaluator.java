package org.physiocds.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.physiocds.CdsEngine;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.Recommendation;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Thresholds;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;

/**
 * Evaluates the records of one partition with this JVM's engine ({@link Engines}), one result row
 * per record, in the partition's order. Only plain configuration (the as-of date, accumulators)
 * travels with it. A record that is not a valid patient, or on which the library fails, gives a
 * row with its problems (the library's messages never hold patient data) and the partition goes on.
 */
final class Evaluator implements Function2<Integer, Iterator<Input>, Iterator<Row>> {

    private static final long serialVersionUID = 1L;

    /** Batch's record for a line too long to be a document (see the examples' NdjsonBatch). */
    static final Problem TOO_LONG = new Problem("$",
            "a JSON document of at most " + JsonCodec.MAX_DOCUMENT_LENGTH + " characters on one line");

    private final LocalDate asOf;
    /** The thresholds' five values ({@link Thresholds} itself is not serialisable). */
    private final int[] thresholds;
    private final LongAccumulator readNanos;
    private final LongAccumulator evaluateNanos;
    private final LongAccumulator rowNanos;

    Evaluator(LocalDate asOf, Thresholds thresholds, LongAccumulator readNanos, LongAccumulator evaluateNanos,
            LongAccumulator rowNanos) {
        this.asOf = asOf;
        this.thresholds = new int[] {thresholds.recentInjuryDays(), thresholds.recentSurgeryDays(),
            thresholds.painReturnMinutes(), thresholds.consistentSessionsPerWeek(), thresholds.chronicPainWeeks()};
        this.readNanos = readNanos;
        this.evaluateNanos = evaluateNanos;
        this.rowNanos = rowNanos;
    }

    /**
     * The rows of partition {@code partition}, in its order. A record to be numbered (line 0: a
     * line of NDJSON) gets its line within the partition, and the partition as its
     * {@code block}, for the job to add the lines of the file's earlier partitions; any other
     * record keeps its line, block -1.
     */
    @Override
    public Iterator<Row> call(Integer partition, Iterator<Input> inputs) {
        CdsEngine engine = Engines.engine(new Thresholds(thresholds[0], thresholds[1], thresholds[2], thresholds[3],
                thresholds[4]));
        Set<String> rulesSeen = new HashSet<>(); // each rule's metadata once per partition
        return new Iterator<>() {
            private long local;

            @Override
            public boolean hasNext() {
                return inputs.hasNext();
            }

            @Override
            public Row next() {
                Input in = inputs.next();
                local++;
                return in.line() == 0 ? evaluate(engine, in, local, partition, rulesSeen)
                        : evaluate(engine, in, in.line(), -1, rulesSeen);
            }
        };
    }

    /** The tables hold decisions and rule ids, never facts: the engine does not put them into words. */
    Row evaluate(CdsEngine engine, Input in, long line, int block, Set<String> rulesSeen) {
        Record record = new Record(in.source(), line, block);
        if (in.kind() == Input.Kind.UNREADABLE) {
            return invalid(record, null, List.of(new Problem(in.path(), in.text())));
        }
        if (in.kind() == Input.Kind.INTERCHANGE && in.text().length() > JsonCodec.MAX_DOCUMENT_LENGTH) {
            return invalid(record, null, List.of(TOO_LONG));
        }
        String patientId = null;
        try {
            long t0 = System.nanoTime();
            Patient patient = in.kind() == Input.Kind.INTERCHANGE
                    ? Engines.json().readPatient(in.text())
                    : Engines.fhir().readPatient(in.text(), asOf).patient();
            patientId = patient.patientId();
            long t1 = System.nanoTime();
            Evaluation e = engine.evaluateDecisions(patient);
            long t2 = System.nanoTime();
            Row row = evaluated(record, e, rulesSeen);
            long t3 = System.nanoTime();
            readNanos.add(t1 - t0);
            evaluateNanos.add(t2 - t1);
            rowNanos.add(t3 - t2);
            return row;
        } catch (InvalidPatientException e) {
            return invalid(record, patientId, e.problems());
        } catch (RuntimeException e) {
            return failed(record, patientId, e);
        }
    }

    /** Where a row's record is: its file, line (within its block, when that is not -1) and block. */
    private record Record(String source, long line, int block) {
    }

    private static Row invalid(Record in, String patientId, List<Problem> problems) {
        List<Row> errors = new ArrayList<>(problems.size());
        int position = 1;
        for (Problem p : problems) {
            errors.add(RowFactory.create(position++, p.path(), p.expected(), null));
        }
        return result(in, patientId, Tables.INVALID, errors);
    }

    /** As batch writes it: the exception's class and first message line, never patient data. */
    static String failure(RuntimeException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + message;
    }

    private static Row failed(Record in, String patientId, RuntimeException e) {
        return result(in, patientId, Tables.FAILED, List.of(RowFactory.create(1, null, null, failure(e))));
    }

    private static Row result(Record in, String patientId, String status, List<Row> errors) {
        return RowFactory.create(in.source(), in.line(), in.block(), patientId, status,
                null, null, null, null, null, null, null, null,
                NONE, NONE, NONE, seq(errors), NONE, NONE);
    }

    /** An empty array column (immutable, shared by every row). */
    private static final scala.collection.Seq<?> NONE = seq(List.of());

    private static Row evaluated(Record in, Evaluation e, Set<String> rulesSeen) {
        List<String> fired = new ArrayList<>(16); // each rule once; a patient's few, so a list beats a set
        List<Row> seen = new ArrayList<>(0);
        List<Row> recommendations = new ArrayList<>(e.recommendations().size());
        int position = 1;
        for (Recommendation r : e.recommendations()) {
            recommendations.add(RowFactory.create(position++, name(r.phase()), name(r.action()), r.target().code(),
                    name(r.side()), name(r.topic()), r.dosage(),
                    r.referral() == null ? null : name(r.referral().urgency()),
                    r.referral() == null ? null : name(r.referral().reason()),
                    name(r.restriction()), r.explanation().rule(), seq(r.explanation().guidance()),
                    seq(rules(r.alsoSupportedBy()))));
            note(r.explanation(), fired, rulesSeen, seen);
            r.alsoSupportedBy().forEach(x -> note(x, fired, rulesSeen, seen));
        }
        List<Row> flags = new ArrayList<>(e.flags().size());
        position = 1;
        for (Flag f : e.flags()) {
            flags.add(RowFactory.create(position++, name(f.code()), name(f.severity()), f.explanation().rule(),
                    seq(f.explanation().guidance()), seq(rules(f.alsoSupportedBy()))));
            note(f.explanation(), fired, rulesSeen, seen);
            f.alsoSupportedBy().forEach(x -> note(x, fired, rulesSeen, seen));
        }
        List<Row> suppressed = new ArrayList<>(e.suppressed().size());
        position = 1;
        for (SuppressedRecommendation s : e.suppressed()) {
            suppressed.add(RowFactory.create(position++, name(s.phase()), name(s.action()), s.target().code(),
                    name(s.side()), name(s.topic()), s.explanation().rule(), seq(s.explanation().guidance()),
                    s.suppressedBy().rule(), seq(s.suppressedBy().guidance()), seq(rules(s.alsoSuppressedBy()))));
            note(s.explanation(), fired, rulesSeen, seen);
            note(s.suppressedBy(), fired, rulesSeen, seen);
            s.alsoSuppressedBy().forEach(x -> note(x, fired, rulesSeen, seen));
        }
        if (e.exerciseWithheld() != null && !fired.contains(e.exerciseWithheld().rule())) {
            fired.add(e.exerciseWithheld().rule());
        }
        return RowFactory.create(in.source(), in.line(), in.block(), e.patientId(), Tables.EVALUATED,
                e.knowledgeBase().name(), e.knowledgeBase().version(), e.knowledgeBase().contentHash(),
                e.exerciseWithheld() == null ? null : name(e.exerciseWithheld().urgency()),
                e.exerciseWithheld() == null ? null : e.exerciseWithheld().rule(),
                e.startBack() == null ? null : e.startBack().total(),
                e.startBack() == null ? null : e.startBack().psychosocial(),
                e.startBack() == null ? null : name(e.startBack().stratum()),
                seq(recommendations), seq(flags), seq(suppressed), NONE, seq(fired), seen.isEmpty() ? NONE : seq(seen));
    }

    private static List<String> rules(List<Explanation> explanations) {
        List<String> ids = new ArrayList<>(explanations.size());
        for (Explanation x : explanations) {
            ids.add(x.rule());
        }
        return ids;
    }

    /** Counts the rule as fired for this patient, and keeps its metadata the first time this partition sees it. */
    private static void note(Explanation x, List<String> fired, Set<String> rulesSeen, List<Row> seen) {
        if (!fired.contains(x.rule())) {
            fired.add(x.rule());
        }
        if (rulesSeen.add(x.rule())) {
            List<Row> citations = new ArrayList<>(x.citations().size());
            for (Citation c : x.citations()) {
                citations.add(RowFactory.create(c.source(), name(c.kind()), c.quote(), c.summary()));
            }
            seen.add(RowFactory.create(x.rule(), x.ruleName(), seq(x.guidance()), seq(citations)));
        }
    }

    /** Spark's row encoder takes Scala sequences for array columns. */
    private static scala.collection.Seq<?> seq(List<?> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
