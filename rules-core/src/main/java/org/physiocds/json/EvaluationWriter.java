package org.physiocds.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.EvaluationDiff;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.Problem;
import org.physiocds.Recommendation;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Thresholds;
import org.physiocds.WhatIf;
import org.physiocds.Topic;
import org.physiocds.model.Side;

/**
 * Writes the output documents of the interchange format, field by field in the format's order,
 * so that the text depends on nothing but the evaluation (no maps, no reflection, no clock).
 * Fields the format allows adding: {@code ruleName} in explanations, {@code alsoSupportedBy} in
 * recommendations and flags, {@code phase} in suppressed recommendations, and {@code summary} in
 * place of {@code quote} in a citation of a source other than a seed (never a quote).
 */
final class EvaluationWriter {

    /**
     * The codec's one layout (evaluations and patients): a template, never used directly. Two-space
     * indentation, {@code "name": value}, {@code \n} on every platform, {@code []} when empty.
     */
    static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private EvaluationWriter() {
    }

    /**
     * The evaluation indented ({@code pretty}), or on one line for newline-delimited JSON, where
     * {@code citations} (not null) supplies each citation list already written.
     */
    static String write(JsonFactory factory, Evaluation e, boolean pretty, CitationCache citations) {
        return render(factory, pretty, g -> evaluation(g, e, pretty ? null : citations));
    }

    /**
     * The evaluation on one line, as UTF-8 bytes straight to {@code out}: the bytes of
     * {@code write(factory, e, false, citations)}. Neither flushes nor closes {@code out}.
     */
    static void writeLine(JsonFactory factory, Evaluation e, CitationCache citations, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            evaluation(g, e, citations);
        }
    }

    /**
     * Each distinct citation list written once as JSON, then reused as raw text: every explanation
     * of a rule cites the same list, and citations are most of a batch line's bytes. Keyed by value
     * (the strings are shared, so comparing is cheap) and bounded, so that evaluations read from
     * anywhere cannot grow it without end; past the bound, lists are written as usual.
     */
    static final class CitationCache {
        private static final int MAX_ENTRIES = 10_000;

        private final JsonFactory factory;
        private final Map<List<Citation>, SerializedString> written = new ConcurrentHashMap<>();

        CitationCache(JsonFactory factory) {
            this.factory = factory;
        }

        private void write(JsonGenerator g, List<Citation> list) throws IOException {
            SerializedString raw = written.get(list);
            if (raw == null) {
                if (written.size() >= MAX_ENTRIES) {
                    citations(g, list);
                    return;
                }
                raw = new SerializedString(render(factory, false, c -> citations(c, list)));
                raw.asUnquotedUTF8(); // encoded once, here, rather than on first use by each thread
                written.putIfAbsent(list, raw);
            }
            g.writeRawValue(raw);
        }
    }

    private static void evaluation(JsonGenerator g, Evaluation e, CitationCache cache) throws IOException {
        g.writeStartObject();
        if (e.patientId() != null) {
            g.writeStringField("patientId", e.patientId());
        }
        g.writeObjectFieldStart("knowledgeBase");
        g.writeStringField("name", e.knowledgeBase().name());
        g.writeStringField("version", e.knowledgeBase().version());
        g.writeStringField("contentHash", e.knowledgeBase().contentHash());
        g.writeEndObject();
        thresholds(g, e.thresholds());
        if (e.exerciseWithheld() != null) {
            g.writeObjectFieldStart("exerciseWithheld");
            g.writeStringField("urgency", e.exerciseWithheld().urgency().name());
            g.writeStringField("rule", e.exerciseWithheld().rule());
            g.writeEndObject();
        }
        if (!e.redFlagsScreened()) {
            g.writeBooleanField("redFlagsScreened", false); // v1.3; absent: screened
        }
        if (!e.warnings().isEmpty()) {
            g.writeArrayFieldStart("warnings"); // v1.3; absent: none
            for (String w : e.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
        }
        if (e.startBack() != null) {
            startBack(g, e.startBack());
        }
        g.writeArrayFieldStart("flags");
        for (Flag f : e.flags()) {
            g.writeStartObject();
            g.writeStringField("code", f.code().name());
            g.writeStringField("severity", f.severity().name());
            explanation(g, "explanation", f.explanation(), cache);
            explanations(g, "alsoSupportedBy", f.alsoSupportedBy(), cache);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("recommendations");
        for (Recommendation r : e.recommendations()) {
            g.writeStartObject();
            g.writeStringField("action", r.action().name());
            g.writeStringField("target", r.target().code());
            sideAndTopic(g, r.side(), r.topic());
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
            explanation(g, "explanation", r.explanation(), cache);
            explanations(g, "alsoSupportedBy", r.alsoSupportedBy(), cache);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("suppressed");
        for (SuppressedRecommendation s : e.suppressed()) {
            g.writeStartObject();
            g.writeStringField("action", s.action().name());
            g.writeStringField("target", s.target().code());
            sideAndTopic(g, s.side(), s.topic());
            g.writeStringField("phase", s.phase().name());
            explanation(g, "explanation", s.explanation(), cache);
            explanation(g, "suppressedBy", s.suppressedBy(), cache);
            explanations(g, "alsoSuppressedBy", s.alsoSuppressedBy(), cache);
            g.writeEndObject();
        }
        g.writeEndArray();
        if (e.missingData() != null) {
            missingData(g, e.missingData());
        }
        g.writeEndObject();
    }

    static String writeErrors(JsonFactory factory, List<Problem> problems) {
        return render(factory, true, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("errors");
            for (Problem p : problems) {
                g.writeStartObject();
                g.writeStringField("path", p.path());
                g.writeStringField("expected", p.expected());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code side} for a muscle, {@code topic} for GENERAL (contract v1.1); neither otherwise. */
    private static void sideAndTopic(JsonGenerator g, Side side, Topic topic) throws IOException {
        if (side != null) {
            g.writeStringField("side", side.name());
        }
        if (topic != null) {
            g.writeStringField("topic", topic.name());
        }
    }

    /** What could change the advice (written only when asked for): each supposition and its changes. */
    private static void missingData(JsonGenerator g, List<WhatIf> whatIfs) throws IOException {
        g.writeArrayFieldStart("missingData");
        for (WhatIf w : whatIfs) {
            g.writeStartObject();
            g.writeStringField("path", w.path());
            g.writeStringField("fact", w.fact());
            g.writeStringField("value", w.value());
            g.writeStringField("rank", w.rank().name());
            g.writeArrayFieldStart("changes");
            for (EvaluationDiff.Change c : w.changes()) {
                g.writeStartObject();
                g.writeStringField("kind", c.kind().name());
                if (c.flag() != null) {
                    g.writeStringField("flag", c.flag().name());
                } else {
                    g.writeStringField("action", c.action().name());
                    g.writeStringField("target", c.target().code());
                    sideAndTopic(g, c.side(), c.topic());
                }
                g.writeStringField("rule", c.rule());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Every threshold by name, and those past their clinical limits (empty unless allowed as unsafe). */
    private static void thresholds(JsonGenerator g, Thresholds t) throws IOException {
        g.writeObjectFieldStart("thresholds");
        g.writeNumberField("recentInjuryDays", t.recentInjuryDays());
        g.writeNumberField("recentSurgeryDays", t.recentSurgeryDays());
        g.writeNumberField("painReturnMinutes", t.painReturnMinutes());
        g.writeNumberField("consistentSessionsPerWeek", t.consistentSessionsPerWeek());
        g.writeNumberField("chronicPainWeeks", t.chronicPainWeeks());
        strings(g, "outsideClinicalLimits", t.outsideClinicalLimits());
        g.writeEndObject();
    }

    private static void startBack(JsonGenerator g, StartBackResult s) throws IOException {
        g.writeObjectFieldStart("startBack");
        g.writeNumberField("total", s.total());
        g.writeNumberField("psychosocial", s.psychosocial());
        g.writeStringField("stratum", s.stratum().name());
        g.writeEndObject();
    }

    private static void explanations(JsonGenerator g, String name, List<Explanation> explanations,
            CitationCache cache) throws IOException {
        g.writeArrayFieldStart(name);
        for (Explanation x : explanations) {
            explanation(g, null, x, cache);
        }
        g.writeEndArray();
    }

    /** One explanation; its citations from {@code cache} when there is one (never when indenting). */
    private static void explanation(JsonGenerator g, String name, Explanation x, CitationCache cache) throws IOException {
        if (name == null) {
            g.writeStartObject();
        } else {
            g.writeObjectFieldStart(name);
        }
        g.writeStringField("rule", x.rule());
        g.writeStringField("ruleName", x.ruleName());
        strings(g, "guidance", x.guidance());
        g.writeStringField("rationale", x.rationale());
        strings(g, "facts", x.facts());
        g.writeFieldName("citations");
        if (cache == null) {
            citations(g, x.citations());
        } else {
            cache.write(g, x.citations());
        }
        g.writeEndObject();
    }

    private static void citations(JsonGenerator g, List<Citation> citations) throws IOException {
        g.writeStartArray();
        for (Citation c : citations) {
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
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String render(JsonFactory factory, boolean pretty, Body body) {
        StringWriter out = new StringWriter(pretty ? 16_384 : 8_192);
        try (JsonGenerator g = factory.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(PRETTY.createInstance()); // the printer counts nesting: one per document
            }
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a string", e); // never happens
        }
        return out.toString();
    }
}
