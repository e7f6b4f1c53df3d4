package org.physiocds.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.physiocds.CdsException;
import org.physiocds.Citation;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.RuleDescription;
import org.physiocds.SourceDescription;
import org.physiocds.SourceKind;

/**
 * The compiled knowledge base, loaded once from the classpath: the executable model that the
 * {@code rules-kb} build generated, its identity, and the guidance catalog its rules cite.
 *
 * <p>The generated model classes are instantiated directly rather than through a
 * {@code KieContainer}: nothing is parsed or compiled at start-up, and a host application's own
 * {@code kmodule.xml} cannot clash with ours. The compiled alpha networks generated with the model
 * are installed the same way ({@link AlphaNetworks}).
 */
public final class KnowledgeBase {

    /** Where the kie-maven-plugin lists the generated model classes of the rules-kb artifact. */
    static final String MODEL_LIST = "META-INF/kie/org.physiocds/rules-kb/drools-model";
    static final String INFO = "org/physiocds/kb/knowledge-base.properties";
    static final String CATALOG = "org/physiocds/kb/guidance.tsv";
    static final String SOURCES = "org/physiocds/kb/sources.tsv";
    /** The locator of a seed citation that is one entry of a list in the seed (see {@link RuleInfo#listItems()}). */
    static final String LIST_ITEM = "item";

    private final KieBase kieBase;
    private final KnowledgeBaseInfo info;
    /** Every rule's metadata, by the rule object a match carries: found without hashing its name. */
    private final Map<Rule, RuleInfo> rules;
    private final Map<String, List<Citation>> catalog;
    private final List<SourceDescription> sources;
    private final LocalDate date;
    private final ClassLoader loader;
    private final List<String> ruleFiles;
    /** Every rule described, read from the rule files on first use (never by an evaluation). */
    private volatile List<RuleDescription> descriptions;

    private KnowledgeBase(KieBase kieBase, KnowledgeBaseInfo info, Map<String, List<Citation>> catalog,
            Set<Citation> listItems, List<SourceDescription> sources, LocalDate date, ClassLoader loader,
            List<String> ruleFiles) {
        this.kieBase = kieBase;
        this.info = info;
        this.catalog = catalog;
        this.rules = describeRules(kieBase, catalog, listItems);
        this.sources = List.copyOf(sources);
        this.date = date;
        this.loader = loader;
        this.ruleFiles = List.copyOf(ruleFiles);
    }

    /** Loads the knowledge base found on the class path of {@code loader}. */
    public static KnowledgeBase load(ClassLoader loader) {
        Properties properties = properties(loader);
        KnowledgeBaseInfo info = new KnowledgeBaseInfo(properties.getProperty("name"),
                properties.getProperty("version"), contentHash(loader, properties));
        Set<Citation> listItems = new HashSet<>();
        List<SourceDescription> sources = new ArrayList<>();
        Map<String, List<Citation>> catalog = readCatalog(loader, listItems, sources);
        List<String> ruleFiles = Arrays.stream(properties.getProperty("content", "").strip().split("\\s+"))
                .filter(name -> name.endsWith(".drl")).toList();
        return new KnowledgeBase(buildKieBase(loader), info, catalog, listItems, sources, date(properties), loader,
                ruleFiles);
    }

    /** The {@code date} of {@code knowledge-base.properties} (YYYY-MM-DD), or {@code null} without one. */
    private static LocalDate date(Properties properties) {
        String date = properties.getProperty("date");
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new CdsException(INFO + ": date must be YYYY-MM-DD", e);
        }
    }

    /**
     * {@code sha256:} and the SHA-256 of the files that {@code knowledge-base.properties} lists under
     * {@code content} (every DRL file and the citation tables), each as its name, its length and its
     * bytes, in the listed order: the same rules and citations give the same hash on every machine,
     * and any change to one of them gives another.
     */
    public static String contentHash(ClassLoader loader) {
        return contentHash(loader, properties(loader));
    }

    private static String contentHash(ClassLoader loader, Properties properties) {
        String content = properties.getProperty("content", "").strip();
        if (content.isEmpty()) {
            throw new CdsException(INFO + " lists no content to hash");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new CdsException("SHA-256 is not available", e); // every Java platform has it
        }
        for (String name : content.split("\\s+")) {
            try (InputStream in = open(loader, "org/physiocds/kb/" + name)) {
                byte[] bytes = in.readAllBytes();
                sha256.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                sha256.update(bytes);
            } catch (IOException e) {
                throw new CdsException("cannot read org/physiocds/kb/" + name, e);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private static Properties properties(ClassLoader loader) {
        Properties properties = new Properties();
        try (InputStream in = open(loader, INFO)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CdsException("cannot read " + INFO, e);
        }
        return properties;
    }

    KieBase kieBase() {
        return kieBase;
    }

    public KnowledgeBaseInfo info() {
        return info;
    }

    /** Every rule's metadata, by rule id order. */
    public List<RuleInfo> rules() {
        List<RuleInfo> rules = new ArrayList<>(this.rules.values());
        rules.sort(RuleInfo.BY_ID);
        return rules;
    }

    /** The guidance catalog: guidance id to its citations, in catalog order. */
    public Map<String, List<Citation>> catalog() {
        return catalog;
    }

    /** The sources registry ({@code sources.tsv}), in registry order. */
    public List<SourceDescription> sources() {
        return sources;
    }

    /** The date of this version of the knowledge base ({@code knowledge-base.properties}), or {@code null}. */
    public LocalDate date() {
        return date;
    }

    /**
     * Every rule described (by rule id order): its metadata and citations, and what its
     * consequence concludes as its rule file says ({@link RuleSources}). Read on first use.
     */
    public List<RuleDescription> ruleDescriptions() {
        List<RuleDescription> described = descriptions;
        if (described == null) {
            Map<String, RuleSources.RuleSource> sourceByName = new LinkedHashMap<>();
            for (String file : ruleFiles) {
                try (InputStream in = open(loader, "org/physiocds/kb/" + file)) {
                    sourceByName.putAll(RuleSources.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new CdsException("cannot read org/physiocds/kb/" + file, e);
                }
            }
            RuleSources.RuleSource unknown = new RuleSources.RuleSource(null, List.of(), List.of(), false, null);
            described = rules().stream().map(r -> {
                RuleSources.RuleSource s = sourceByName.getOrDefault(r.name(), unknown);
                return new RuleDescription(r.id(), r.name(), s.file(), r.guidance(), r.citations(), s.actions(),
                        s.flags(), s.withholds(), s.phase());
            }).toList();
            descriptions = described;
        }
        return described;
    }

    RuleInfo rule(Rule rule) {
        RuleInfo info = rules.get(rule);
        if (info == null) {
            throw new CdsException("no metadata for rule \"" + rule.getName() + "\"");
        }
        return info;
    }

    private static KieBase buildKieBase(ClassLoader loader) {
        List<Model> models = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(open(loader, MODEL_LIST), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("Drools-Model-Version")) {
                    models.add((Model) Class.forName(line, true, loader).getDeclaredConstructor().newInstance());
                }
            }
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            throw new CdsException("cannot load the compiled knowledge base", e);
        }
        if (models.isEmpty()) {
            throw new CdsException(MODEL_LIST + " names no model class");
        }
        try {
            KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models);
            AlphaNetworks.install((InternalKnowledgeBase) kieBase, loader);
            return kieBase;
        } catch (RuntimeException e) {
            throw new CdsException("cannot build the knowledge base", e);
        }
    }

    /**
     * Reads {@code guidanceId <TAB> sourceKey <TAB> locator <TAB> text} lines (several may share an
     * id): a seed's text is a verbatim quote, any other source's a summary in the project's words,
     * cited by the reference that {@code sources.tsv} registers for its key.
     */
    private static Map<String, List<Citation>> readCatalog(ClassLoader loader, Set<Citation> listItems,
            List<SourceDescription> registry) {
        Map<String, Source> sources = new LinkedHashMap<>();
        for (String[] cells : readTable(loader, SOURCES, 6, "key, kind, title, author, year and location")) {
            sources.put(cells[0], new Source(kind(cells[1]), cells[2], cells[3], cells[4], cells[5]));
            registry.add(new SourceDescription(cells[0], kind(cells[1]), cells[2], cells[3],
                    cells[4].equals("-") ? null : cells[4], cells[5]));
        }
        Map<String, List<Citation>> catalog = new LinkedHashMap<>();
        for (String[] cells : readTable(loader, CATALOG, 4, "guidance id, source key, locator and text")) {
            Source source = sources.get(cells[1]);
            if (source == null) {
                throw new CdsException(CATALOG + ": source " + cells[1] + " is not registered in " + SOURCES);
            }
            Citation citation = cells[1].startsWith("seeds/")
                    ? new Citation(cells[1], source.kind(), cells[3], null)
                    : new Citation(source.reference(cells[2]), source.kind(), null, cells[3]);
            if (cells[1].startsWith("seeds/") && LIST_ITEM.equals(cells[2])) {
                listItems.add(citation);
            }
            catalog.computeIfAbsent(cells[0], id -> new ArrayList<>()).add(citation);
        }
        catalog.replaceAll((id, citations) -> List.copyOf(citations));
        return Collections.unmodifiableMap(catalog);
    }

    /** A registered source (one line of {@code sources.tsv}). */
    private record Source(SourceKind kind, String title, String author, String year, String location) {
        /** "Author (year). Title, locator, https://...". */
        String reference(String locator) {
            return author + " (" + year + "). " + title + ", " + locator + ", " + location;
        }
    }

    private static SourceKind kind(String name) {
        try {
            return SourceKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new CdsException(SOURCES + ": unknown source kind " + name);
        }
    }

    /** The non-comment lines of a tab-separated resource, each with exactly {@code columns} cells. */
    private static List<String[]> readTable(ClassLoader loader, String resource, int columns, String what) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(open(loader, resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new CdsException(resource + ": expected " + what + " separated by tabs in: " + line);
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new CdsException("cannot read " + resource, e);
        }
        return rows;
    }

    private static Map<Rule, RuleInfo> describeRules(KieBase kieBase, Map<String, List<Citation>> catalog,
            Set<Citation> listItems) {
        Map<Rule, RuleInfo> rules = new IdentityHashMap<>();
        kieBase.getKiePackages().forEach(pkg -> pkg.getRules().forEach(rule -> rules.put(rule, describe(rule, catalog, listItems))));
        return Collections.unmodifiableMap(rules);
    }


    private static RuleInfo describe(Rule rule, Map<String, List<Citation>> catalog, Set<Citation> listItems) {
        Object id = rule.getMetaData().get("id");
        Object guidance = rule.getMetaData().get("guidance");
        // List.copyOf: a list that Explanation's own List.copyOf keeps as it is (on JDK 17 it would
        // copy what Stream.toList() returns, for every conclusion of every evaluation).
        List<String> guidanceIds = guidance == null ? List.of()
                : List.copyOf(Arrays.stream(guidance.toString().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList());
        List<Citation> citations = List.copyOf(guidanceIds.stream()
                .flatMap(g -> catalog.getOrDefault(g, List.of()).stream())
                .distinct()
                .toList());
        return new RuleInfo(id == null ? null : id.toString(), rule.getName(), guidanceIds,
                onlyNamedListItems(citations, listItems, rule.getName()));
    }

    /**
     * A rule quotes only the words that apply: of the entries of a list in a seed (seed 000's joints,
     * seed 003's pain factors), only those its name names ("Knee pain: ..." quotes "Knees
     * (stability)", not the other five joints). An entry is named when its leading words (before any
     * parenthesis, a plural's final s dropped) appear in the name, case aside; when a rule names none
     * of them, it keeps them all. Static, so every firing of a rule cites the same sources.
     */
    static List<Citation> onlyNamedListItems(List<Citation> citations, Set<Citation> listItems, String ruleName) {
        if (citations.stream().noneMatch(listItems::contains)) {
            return citations;
        }
        String name = ruleName.toLowerCase(Locale.ROOT);
        List<Citation> named = citations.stream().filter(c -> listItems.contains(c) && name.contains(key(c.quote()))).toList();
        if (named.isEmpty()) {
            return citations;
        }
        return List.copyOf(citations.stream().filter(c -> !listItems.contains(c) || named.contains(c)).toList());
    }

    /** "Knees (stability)" becomes "knee"; "Reduced physical activity" stays as it is, lower case. */
    private static String key(String entry) {
        int paren = entry.indexOf(" (");
        String k = (paren < 0 ? entry : entry.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
        return k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new CdsException("the knowledge base is not on the class path: " + resource
                    + " not found (add the rules-kb artifact as a dependency)");
        }
        return in;
    }
}
