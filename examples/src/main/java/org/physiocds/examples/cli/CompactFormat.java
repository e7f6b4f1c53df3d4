package org.physiocds.examples.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Recommendation;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Thresholds;

/**
 * {@code batch --compact}: each evaluation as its decisions only, with rule and guidance ids but no
 * prose (no rule names, rationales, facts or citations), and the rules file beside it that holds
 * each rule's name, guidance ids and citations once, with the knowledge base and the thresholds of
 * the run. Joining a line's rule ids with the rules file gives back what the full form repeats in
 * every line. The layout is in {@code docs/interchange-additions.md} ("batch --compact").
 *
 * <p>Thread-safe: lines are written from every thread of the batch, and each rule met on a line
 * is remembered for the rules file.
 */
final class CompactFormat implements NdjsonBatch.Format {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** The interchange layout: two-space indentation, {@code "name": value}, {@code []} when empty. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    /** Each rule met on a line, by id: the first explanation seen (name, guidance and citations are the rule's). */
    private final Map<String, Explanation> rules = new ConcurrentHashMap<>();

    /** No facts are written: the patients are evaluated for their decisions only. */
    @Override
    public boolean decisionsOnly() {
        return true;
    }

    @Override
    public void write(Evaluation e, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            line(g, e);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot write the compact line", x);
        }
    }

    private void line(JsonGenerator g, Evaluation e) throws IOException {
        g.writeStartObject();
        if (e.patientId() != null) {
            g.writeStringField("patientId", e.patientId());
        }
        g.writeObjectFieldStart("knowledgeBase");
        g.writeStringField("version", e.knowledgeBase().version());
        g.writeStringField("contentHash", e.knowledgeBase().contentHash());
        g.writeEndObject();
        if (e.exerciseWithheld() != null) {
            g.writeObjectFieldStart("exerciseWithheld");
            g.writeStringField("urgency", e.exerciseWithheld().urgency().name());
            g.writeStringField("rule", e.exerciseWithheld().rule());
            g.writeEndObject();
        }
        // As the full form: a record nobody screened for red flags, and inputs that contradict each
        // other, are what a population query must be able to count.
        if (!e.redFlagsScreened()) {
            g.writeBooleanField("redFlagsScreened", false);
        }
        if (!e.warnings().isEmpty()) {
            g.writeArrayFieldStart("warnings");
            for (String w : e.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
        }
        if (e.startBack() != null) {
            g.writeObjectFieldStart("startBack");
            g.writeNumberField("total", e.startBack().total());
            g.writeNumberField("psychosocial", e.startBack().psychosocial());
            g.writeStringField("stratum", e.startBack().stratum().name());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("flags");
        for (Flag f : e.flags()) {
            g.writeStartObject();
            g.writeStringField("code", f.code().name());
            g.writeStringField("severity", f.severity().name());
            rule(g, f.explanation());
            ruleIds(g, "alsoSupportedBy", f.alsoSupportedBy());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("recommendations");
        for (Recommendation r : e.recommendations()) {
            g.writeStartObject();
            g.writeStringField("action", r.action().name());
            g.writeStringField("target", r.target().code());
            sideAndTopic(g, r.side() == null ? null : r.side().name(), r.topic() == null ? null : r.topic().name());
            g.writeStringField("phase", r.phase().name());
            if (r.dosage() != null) {
                g.writeStringField("dosage", r.dosage());
            }
            if (r.referral() != null) {
                g.writeObjectFieldStart("referral");
                g.writeStringField("urgency", r.referral().urgency().name());
                g.writeStringField("reason", r.referral().reason().name());
                g.writeEndObject();
            }
            if (r.restriction() != null) {
                g.writeStringField("restriction", r.restriction().name());
            }
            rule(g, r.explanation());
            ruleIds(g, "alsoSupportedBy", r.alsoSupportedBy());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("suppressed");
        for (SuppressedRecommendation s : e.suppressed()) {
            g.writeStartObject();
            g.writeStringField("action", s.action().name());
            g.writeStringField("target", s.target().code());
            sideAndTopic(g, s.side() == null ? null : s.side().name(), s.topic() == null ? null : s.topic().name());
            g.writeStringField("phase", s.phase().name());
            rule(g, s.explanation());
            note(s.suppressedBy());
            g.writeStringField("suppressedBy", s.suppressedBy().rule());
            ruleIds(g, "alsoSuppressedBy", s.alsoSuppressedBy());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void sideAndTopic(JsonGenerator g, String side, String topic) throws IOException {
        if (side != null) {
            g.writeStringField("side", side);
        }
        if (topic != null) {
            g.writeStringField("topic", topic);
        }
    }

    /** {@code "rule"} and {@code "guidance"} of the explanation's rule. */
    private void rule(JsonGenerator g, Explanation x) throws IOException {
        note(x);
        g.writeStringField("rule", x.rule());
        strings(g, "guidance", x.guidance());
    }

    private void ruleIds(JsonGenerator g, String name, List<Explanation> explanations) throws IOException {
        g.writeArrayFieldStart(name);
        for (Explanation x : explanations) {
            note(x);
            g.writeString(x.rule());
        }
        g.writeEndArray();
    }

    private void note(Explanation x) {
        if (!rules.containsKey(x.rule())) {
            rules.putIfAbsent(x.rule(), x);
        }
    }

    /**
     * The rules file: the knowledge base and the thresholds every line was evaluated with, and
     * every rule named on the lines written so far, by id, each with its name, guidance ids and
     * citations, as the full form's explanations have them. Deterministic: the same lines give the
     * same bytes. Neither flushes nor closes {@code out}.
     */
    void writeRules(KnowledgeBaseInfo kb, Thresholds thresholds, OutputStream out) throws IOException {
        List<Explanation> sorted = new ArrayList<>(rules.values());
        sorted.sort(Comparator.comparing(Explanation::rule));
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            g.setPrettyPrinter(PRETTY.createInstance());
            g.writeStartObject();
            g.writeObjectFieldStart("knowledgeBase");
            g.writeStringField("name", kb.name());
            g.writeStringField("version", kb.version());
            g.writeStringField("contentHash", kb.contentHash());
            g.writeEndObject();
            g.writeObjectFieldStart("thresholds");
            g.writeNumberField("recentInjuryDays", thresholds.recentInjuryDays());
            g.writeNumberField("recentSurgeryDays", thresholds.recentSurgeryDays());
            g.writeNumberField("painReturnMinutes", thresholds.painReturnMinutes());
            g.writeNumberField("consistentSessionsPerWeek", thresholds.consistentSessionsPerWeek());
            g.writeNumberField("chronicPainWeeks", thresholds.chronicPainWeeks());
            strings(g, "outsideClinicalLimits", thresholds.outsideClinicalLimits());
            g.writeEndObject();
            g.writeArrayFieldStart("rules");
            for (Explanation x : sorted) {
                g.writeStartObject();
                g.writeStringField("rule", x.rule());
                g.writeStringField("ruleName", x.ruleName());
                strings(g, "guidance", x.guidance());
                g.writeArrayFieldStart("citations");
                for (Citation c : x.citations()) {
                    g.writeStartObject();
                    g.writeStringField("source", c.source());
                    g.writeStringField("kind", c.kind().name());
                    if (c.isQuote()) {
                        g.writeStringField("quote", c.quote());
                    } else {
                        g.writeStringField("summary", c.summary());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
