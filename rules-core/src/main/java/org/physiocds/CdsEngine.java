package org.physiocds;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.physiocds.internal.Evaluator;
import org.physiocds.internal.KnowledgeBase;
import org.physiocds.internal.PatientValidator;
import org.physiocds.model.Patient;

/**
 * The entry point: evaluates patients into explained recommendations.
 *
 * <p>Build one engine when the application starts and share it: building loads the compiled
 * knowledge base (the slow part); {@link #evaluate} is thread-safe, deterministic and keeps no
 * state between calls.
 *
 * <pre>{@code
 * CdsEngine engine = CdsEngine.builder().build();
 * Evaluation result = engine.evaluate(patient);
 * }</pre>
 */
public final class CdsEngine {

    private final KnowledgeBase kb;
    private final Thresholds thresholds;
    private final boolean unsafeThresholds;
    private final Evaluator evaluator;

    private CdsEngine(KnowledgeBase kb, Thresholds thresholds) {
        this.kb = kb;
        this.thresholds = thresholds;
        this.unsafeThresholds = !thresholds.isClinicallySafe();
        this.evaluator = new Evaluator(kb, thresholds);
    }

    /** {@return a builder for an engine with the default thresholds, unless overridden} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Evaluates one patient.
     *
     * @param patient the patient; not {@code null}
     * @return the evaluation, with every recommendation, flag and suppression explained
     * @throws InvalidPatientException listing every invalid field; nothing was evaluated
     * @throws CdsException            on a fault inside the library (never a Drools type)
     */
    public Evaluation evaluate(Patient patient) {
        PatientValidator.validate(patient);
        return evaluator.evaluate(patient);
    }

    /**
     * Evaluates one patient for its decisions, without putting the matched facts into words: for
     * population work (batch, Spark, diffs of thousands of patients) that needs the decisions and
     * their rule ids, not the prose of each explanation. The result is the one {@link #evaluate}
     * gives, decision for decision: the same recommendations, flags and suppressions with the
     * same codes, dosages, referrals and restrictions, in the same order, the same exercise hold
     * and STarT Back result, and each item explained by the same rule, supported or overruled by
     * the same rules, with the same guidance ids. Only the explanations differ: their
     * {@link Explanation#facts() facts} are empty. Their rule name and citations are the rule's
     * own and their rationale is the text the rule wrote as it fired, so neither costs anything to
     * keep. For a clinician, or to show why, use {@link #evaluate}.
     *
     * @param patient the patient; not {@code null}
     * @return the evaluation, its explanations without facts
     * @throws InvalidPatientException listing every invalid field; nothing was evaluated
     * @throws CdsException            on a fault inside the library (never a Drools type)
     */
    public Evaluation evaluateDecisions(Patient patient) {
        PatientValidator.validate(patient);
        return evaluator.evaluate(patient, false);
    }

    /**
     * Evaluates one patient and reports what could change the advice: for each fact the record
     * leaves unknown that a rule reads (a muscle's length not assessed, no stretching history, no
     * red-flag screening, no STarT Back...), each value that would change something, and what would
     * change, most important first ({@link Evaluation#missingData()}). One unknown at a time: it
     * costs one evaluation per supposition, about 15 for a typical patient.
     *
     * @param patient the patient; not {@code null}
     * @return the evaluation, with {@link Evaluation#missingData()} filled in
     * @throws InvalidPatientException listing every invalid field; nothing was evaluated
     * @throws CdsException            on a fault inside the library (never a Drools type)
     */
    public Evaluation evaluateWithMissingData(Patient patient) {
        PatientValidator.validate(patient);
        return evaluator.evaluateWithMissingData(patient);
    }

    /** {@return the name and version of the knowledge base every result is stamped with} */
    public KnowledgeBaseInfo knowledgeBase() {
        return kb.info();
    }

    /**
     * Every rule of the knowledge base, by rule id: its id, name, guidance ids and their citations,
     * and what it concludes (the actions it proposes, the flags it raises, whether it withholds
     * advice, the phase of the plan it belongs to), all read from the knowledge base itself (the
     * rules' metadata, the guidance catalog and the rule files). For listing, publishing or citing
     * the rules (the {@code fhir} module makes its PlanDefinition from them); nothing here runs a
     * rule. Read on the first call (a few milliseconds), then kept; thread-safe.
     *
     * @return every rule, by rule id
     * @throws CdsException when a rule file of the knowledge base cannot be read
     */
    public List<RuleDescription> rules() {
        return kb.ruleDescriptions();
    }

    /**
     * {@return the sources registry of the knowledge base ({@code sources.tsv}): every document its
     * citations rest on, the seeds first, with its kind, title, author, year and location}
     */
    public List<SourceDescription> sources() {
        return kb.sources();
    }

    /**
     * {@return the date of this version of the knowledge base, as the knowledge base states it (the
     * {@code date} of its {@code knowledge-base.properties}), for publishing it; {@code null} for a
     * knowledge base that states none} A fixed date, never the clock.
     */
    public LocalDate knowledgeBaseDate() {
        return kb.date();
    }

    /** {@return the clinical thresholds this engine applies} */
    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * {@return whether this engine applies thresholds past their clinical limits
     * ({@link Thresholds#outsideClinicalLimits()} names them), which only an engine built with
     * {@link Builder#allowUnsafeThresholds()} can do} Its results are not backed by the sources
     * on those thresholds, and should be presented as such.
     */
    public boolean unsafeThresholds() {
        return unsafeThresholds;
    }

    /** Configures and builds a {@link CdsEngine}. */
    public static final class Builder {
        private Thresholds thresholds = Thresholds.DEFAULTS;
        private ClassLoader classLoader = CdsEngine.class.getClassLoader();
        private boolean allowUnsafeThresholds;

        private Builder() {
        }

        /**
         * Overrides the clinical thresholds (default {@link Thresholds#DEFAULTS}). Thresholds past
         * their clinical limits are refused by {@link #build()}, unless
         * {@link #allowUnsafeThresholds()} is called too.
         *
         * @param thresholds the thresholds; not {@code null}
         * @return this builder
         */
        public Builder thresholds(Thresholds thresholds) {
            this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
            return this;
        }

        /**
         * Lets {@link #build()} accept thresholds past their clinical limits (see
         * {@link Thresholds}), for research or for a clinical governance decision the sources do
         * not cover. The engine then reports {@link CdsEngine#unsafeThresholds()} as {@code true}.
         * Without thresholds past their limits this changes nothing.
         *
         * @return this builder
         */
        public Builder allowUnsafeThresholds() {
            this.allowUnsafeThresholds = true;
            return this;
        }

        /**
         * Where to find the knowledge base (default: the class loader of this library).
         *
         * @param classLoader the class loader that holds the knowledge base; not {@code null}
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Loads the knowledge base and builds the engine.
         *
         * @return the engine, ready to share across threads
         * @throws InvalidThresholdsException when a threshold is past its clinical limits and
         *                                    {@link #allowUnsafeThresholds()} was not called; the
         *                                    message names each one, its value and its limit
         * @throws CdsException               when the knowledge base is missing or cannot be loaded
         */
        public CdsEngine build() {
            if (!allowUnsafeThresholds) {
                thresholds.requireClinicallySafe();
            }
            return new CdsEngine(KnowledgeBase.load(classLoader), thresholds);
        }
    }
}
