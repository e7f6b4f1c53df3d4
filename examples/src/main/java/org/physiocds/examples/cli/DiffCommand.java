package org.physiocds.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.physiocds.CdsEngine;
import org.physiocds.CdsException;
import org.physiocds.Evaluation;
import org.physiocds.EvaluationDiff;
import org.physiocds.EvaluationDiff.Change;
import org.physiocds.InvalidPatientException;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Thresholds;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;
import org.physiocds.text.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cds diff --corpus FILE --before CONFIG --after CONFIG}: whom a change of thresholds or of
 * the knowledge base would affect, before it is made. Evaluates every patient of the corpus under
 * both configurations and groups what changed ({@link EvaluationDiff}).
 */
@Command(name = "diff",
        description = {"Evaluates a corpus of patients (newline-delimited JSON, as generate writes) under two"
                + " configurations and reports whose advice changed, and how: changes grouped by kind, action,"
                + " target, side and rule, with counts and three example patient ids each, including flags and"
                + " suppressions.",
                "A configuration is a JSON file of thresholds, absent ones keeping their defaults, and optionally"
                + " the path of another knowledge-base jar: {\"recentInjuryDays\": 28, \"knowledgeBase\":"
                + " \"other/rules-kb.jar\"}. Thresholds past their clinical limits are allowed here, and said so."},
        mixinStandardHelpOptions = true,
        versionProvider = Cds.Version.class,
        footer = {"", "Exit status: 0 whatever the diff finds, 2 invalid options or configuration, or an"
                + " unreadable corpus (lines that are not valid patients are counted as invalid and skipped)."})
final class DiffCommand implements Callable<Integer> {

    static final int EXAMPLES = 3;
    @ParentCommand
    private Cds cds;

    @Spec
    private CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE", required = true,
            description = "The patients, one interchange document per line, or - for standard input.")
    private String corpus;

    @Option(names = "--before", paramLabel = "CONFIG", description = "The configuration today (default: the defaults).")
    private Path before;

    @Option(names = "--after", paramLabel = "CONFIG", description = "The configuration proposed (default: the defaults).")
    private Path after;

    @Option(names = "--json", description = "Write the report as JSON, for machines.")
    private boolean json;

    @Override
    public Integer call() {
        Config was = Config.read(before, spec);
        Config now = Config.read(after, spec);
        List<String> lines = readCorpus();
        Report report = new Report(was.engine(), now.engine());
        report.run(lines, cds.json());
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? report.json() : report.text());
        return Cds.OK;
    }

    private List<String> readCorpus() {
        try (BufferedReader in = corpus.equals("-")
                ? new BufferedReader(new InputStreamReader(cds.stdin(), StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(corpus), StandardCharsets.UTF_8)) {
            return in.lines().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the corpus " + corpus);
        }
    }

    /** One side of the diff: thresholds, and the knowledge-base jar (or the one on the class path). */
    record Config(Thresholds thresholds, Path knowledgeBase) {

        static Config read(Path file, CommandSpec spec) {
            if (file == null) {
                return new Config(Thresholds.DEFAULTS, null);
            }
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read the configuration " + file
                        + ": expected a JSON object of thresholds");
            }
            if (root == null || !root.isObject()) {
                throw new ParameterException(spec.commandLine(), file + ": expected a JSON object of thresholds");
            }
            // The knowledge-base jar is the diff's own field; the rest is a thresholds object, read
            // by the codec as every thresholds file is.
            Path jar = null;
            JsonNode kb = ((ObjectNode) root).remove("knowledgeBase");
            if (kb != null) {
                if (!kb.isTextual()) {
                    throw new ParameterException(spec.commandLine(), file + ": knowledgeBase: expected the path of a"
                            + " knowledge-base jar");
                }
                jar = file.toAbsolutePath().getParent().resolve(kb.textValue());
                if (!Files.isRegularFile(jar)) {
                    throw new ParameterException(spec.commandLine(), file + ": knowledgeBase: no such jar");
                }
            }
            try {
                return new Config(new JsonCodec().readThresholds(root.toString()), jar);
            } catch (CdsException e) {
                throw new ParameterException(spec.commandLine(), file + ": " + e.getMessage());
            }
        }

        CdsEngine engine() {
            CdsEngine.Builder builder = CdsEngine.builder().thresholds(thresholds).allowUnsafeThresholds();
            if (knowledgeBase != null) {
                builder.classLoader(new KnowledgeBaseJarLoader(knowledgeBase, CdsEngine.class.getClassLoader()));
            }
            return builder.build();
        }
    }

    /**
     * Loads the knowledge base (its generated classes and resources) from another rules-kb jar
     * first, and everything else, the engine included, as usual: so two knowledge bases can be
     * compared in one run.
     */
    static final class KnowledgeBaseJarLoader extends URLClassLoader {

        KnowledgeBaseJarLoader(Path jar, ClassLoader parent) {
            super(new URL[] {url(jar)}, parent);
        }

        private static URL url(Path jar) {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.physiocds.kb.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            if (name.startsWith("org/physiocds/kb/") || name.startsWith("META-INF/kie/")) {
                URL own = findResource(name);
                if (own != null) {
                    return own;
                }
            }
            return super.getResource(name);
        }
    }

    /** The corpus evaluated under both configurations, and the changes grouped. */
    static final class Report {

        private final CdsEngine before;
        private final CdsEngine after;
        private int patients;
        private int invalid;
        private int changedPatients;
        private final Map<Group, List<String>> groups = new TreeMap<>(Group.ORDER);
        private final Map<Group, Integer> counts = new TreeMap<>(Group.ORDER);

        Report(CdsEngine before, CdsEngine after) {
            this.before = before;
            this.after = after;
        }

        /** Evaluates every line on every core; groups in line order, so the report is deterministic. */
        void run(List<String> lines, org.physiocds.json.JsonCodec codec) {
            Object[] outcomes = new Object[lines.size()];
            IntStream.range(0, lines.size()).parallel().forEach(i -> outcomes[i] = outcome(lines.get(i), i + 1, codec));
            for (Object outcome : outcomes) {
                if (outcome == null) {
                    continue; // a blank line
                }
                patients++;
                if (outcome instanceof Outcome o) {
                    if (!o.changes().isEmpty()) {
                        changedPatients++;
                    }
                    for (Change c : o.changes()) {
                        Group g = Group.of(c);
                        counts.merge(g, 1, Integer::sum);
                        List<String> examples = groups.computeIfAbsent(g, k -> new ArrayList<>(EXAMPLES));
                        if (examples.size() < EXAMPLES && !examples.contains(o.id())) {
                            examples.add(o.id());
                        }
                    }
                } else {
                    invalid++;
                }
            }
        }

        private record Outcome(String id, List<Change> changes) {
        }

        private Object outcome(String line, int number, org.physiocds.json.JsonCodec codec) {
            if (line.isBlank()) {
                return null;
            }
            try {
                Patient p = codec.readPatient(line);
                // The diff compares decisions and rule ids, never facts: they are not put into words.
                List<Change> changes = EvaluationDiff.between(before.evaluateDecisions(p), after.evaluateDecisions(p));
                return new Outcome(p.patientId() == null ? "line " + number : p.patientId(), changes);
            } catch (InvalidPatientException e) {
                return "invalid";
            }
        }

        int changedPatients() {
            return changedPatients;
        }

        Map<Group, Integer> counts() {
            return counts;
        }

        String text() {
            List<String> out = new ArrayList<>();
            out.add("Corpus: " + patients + " patients, " + invalid + " not valid (skipped)");
            out.add("Before: " + describe(before));
            out.add("After:  " + describe(after));
            int valid = patients - invalid;
            out.add(String.format(Locale.ROOT, "Patients whose advice changed: %d of %d (%.1f %%)", changedPatients, valid,
                    valid == 0 ? 0.0 : 100.0 * changedPatients / valid));
            if (counts.isEmpty()) {
                out.add("No changes.");
                return String.join("\n", out);
            }
            out.add("");
            out.add(String.format(Locale.ROOT, "%-20s %-55s %-7s %7s  %s", "change", "item", "rule", "count", "examples"));
            counts.forEach((g, n) -> out.add(String.format(Locale.ROOT, "%-20s %-55s %-7s %7d  %s",
                    g.kind(), g.item(), g.rule(), n, String.join(", ", groups.get(g)))));
            return String.join("\n", out);
        }

        String json() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("patients", patients);
            doc.put("invalid", invalid);
            doc.put("changedPatients", changedPatients);
            doc.put("before", config(before));
            doc.put("after", config(after));
            List<Map<String, Object>> list = new ArrayList<>();
            counts.forEach((g, n) -> {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("kind", g.kind());
                group.put("action", g.action());
                group.put("target", g.target());
                group.put("side", g.side());
                group.put("topic", g.topic());
                group.put("flag", g.flag());
                group.put("rule", g.rule());
                group.put("count", n);
                group.put("examples", groups.get(g));
                group.values().removeIf(v -> v == null);
                list.add(group);
            });
            doc.put("groups", list);
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String describe(CdsEngine engine) {
            Thresholds t = engine.thresholds();
            KnowledgeBaseInfo kb = engine.knowledgeBase();
            String limits = t.isClinicallySafe() ? "" : " (past clinical limits: " + String.join(", ", t.outsideClinicalLimits()) + ")";
            return TextReport.thresholds(t) + limits
                    + "; knowledge base " + kb.name() + " " + kb.version() + " " + kb.contentHash();
        }

        private static Map<String, Object> config(CdsEngine engine) {
            Thresholds t = engine.thresholds();
            Map<String, Object> thresholds = new LinkedHashMap<>();
            thresholds.put("recentInjuryDays", t.recentInjuryDays());
            thresholds.put("recentSurgeryDays", t.recentSurgeryDays());
            thresholds.put("painReturnMinutes", t.painReturnMinutes());
            thresholds.put("consistentSessionsPerWeek", t.consistentSessionsPerWeek());
            thresholds.put("chronicPainWeeks", t.chronicPainWeeks());
            thresholds.put("outsideClinicalLimits", t.outsideClinicalLimits());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("thresholds", thresholds);
            config.put("knowledgeBase", Map.of("name", engine.knowledgeBase().name(),
                    "version", engine.knowledgeBase().version(), "contentHash", engine.knowledgeBase().contentHash()));
            return config;
        }
    }

    /** What the report groups changes by: kind, item (action, target, side, topic, or flag) and leading rule. */
    record Group(String kind, String action, String target, String side, String topic, String flag, String rule) {

        static final Comparator<Group> ORDER = Comparator.comparing((Group g) -> EvaluationDiff.Kind.valueOf(g.kind()))
                .thenComparing(Group::item).thenComparing(Group::rule);

        static Group of(Change c) {
            return new Group(c.kind().name(), name(c.action()), c.target() == null ? null : c.target().code(),
                    name(c.side()), name(c.topic()), name(c.flag()), c.rule());
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }

        /** "STRETCH HAMSTRINGS LEFT", "ADVISE GENERAL SLEEP", "flag RECENT_INJURY". */
        String item() {
            if (flag != null) {
                return "flag " + flag;
            }
            return action + " " + target + (side == null ? "" : " " + side) + (topic == null ? "" : " " + topic);
        }
    }
}
