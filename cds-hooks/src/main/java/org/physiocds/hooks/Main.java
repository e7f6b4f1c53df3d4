package org.physiocds.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.physiocds.CdsEngine;

/**
 * {@code java -jar cds-hooks.jar --trusted-clients FILE --public-url URL [--port 8080] [--host H]
 * [--database URL] [--cors-origin ORIGIN]... [--keep-comments]} runs the service (bound to loopback
 * unless {@code --host} says otherwise); {@code --dev [--as-of DATE]} runs it without tokens on
 * loopback; {@code java -jar cds-hooks.jar feedback-report [--database URL] [--json]} prints, per rule,
 * the cards shown, accepted and overridden, and the override reasons by count, from a database that
 * must exist. The database user and password come from {@code PHYSIOCDS_DB_USER} and
 * {@code PHYSIOCDS_DB_PASSWORD}, never the command line. A configuration error prints one line and
 * exits 2.
 */
public final class Main {

    static final String DEFAULT_DATABASE = "jdbc:h2:file:./data/cds-hooks";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        try {
            return runChecked(args, out, err);
        } catch (ConfigError | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int runChecked(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean report = !rest.isEmpty() && rest.get(0).equals("feedback-report");
        if (report) {
            rest.remove(0);
        }
        String port = "8080";
        String host = null;
        String trustedFile = null;
        String database = DEFAULT_DATABASE;
        String publicUrl = null;
        boolean dev = false;
        boolean asJson = false;
        boolean keepComments = false;
        String asOf = null;
        List<String> cors = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--port" -> port = value(rest, ++i, a);
                case "--host" -> host = value(rest, ++i, a);
                case "--trusted-clients" -> trustedFile = value(rest, ++i, a);
                case "--database" -> database = value(rest, ++i, a);
                case "--public-url" -> publicUrl = value(rest, ++i, a);
                case "--cors-origin" -> cors.add(value(rest, ++i, a));
                case "--keep-comments" -> keepComments = true;
                case "--as-of" -> asOf = value(rest, ++i, a);
                case "--dev" -> dev = true;
                case "--json" -> asJson = true;
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("unknown option: " + a + "\n" + usage());
                    return 2;
                }
            }
        }
        String user = System.getenv("PHYSIOCDS_DB_USER");
        String password = System.getenv("PHYSIOCDS_DB_PASSWORD");
        if (report) {
            return report(FeedbackStore.existing(database, user, password), asJson, out);
        }
        if (trustedFile == null && !dev) {
            err.println("--trusted-clients FILE is required (or --dev on loopback, without patient data)");
            return 2;
        }
        if (asOf != null && !dev) {
            err.println("--as-of fixes the evaluation date for demonstrations: with --dev only");
            return 2;
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            portNumber = -1;
        }
        if (portNumber < 0 || portNumber > 65_535) {
            err.println("--port must be a number from 0 to 65535, not " + port);
            return 2;
        }
        // --as-of (dev only): the service's clock stands at noon UTC that day, for every date it reads.
        Clock clock;
        try {
            clock = asOf == null ? Clock.systemDefaultZone()
                    : Clock.fixed(java.time.LocalDate.parse(asOf).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC),
                            java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            err.println("--as-of must be a date YYYY-MM-DD, not " + asOf);
            return 2;
        }
        TrustedClients trusted = trustedFile == null ? TrustedClients.none() : TrustedClients.read(Path.of(trustedFile));
        // Loopback unless --host says otherwise (a container publishes its port with --host 0.0.0.0).
        CdsHooksServer.Config config = new CdsHooksServer.Config(host != null ? host : "127.0.0.1",
                portNumber, trusted, database, user, password, publicUrl, dev, cors, keepComments, clock);
        CdsHooksServer server = CdsHooksServer.start(config, CdsEngine.builder().build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(Duration.ofSeconds(20)), "graceful-stop"));
        Thread.currentThread().join();
        return 0;
    }

    static int report(FeedbackStore store, boolean asJson, PrintStream out) throws Exception {
        try (store) {
            List<FeedbackStore.RuleReport> rows;
            try {
                rows = store.report();
            } catch (java.sql.SQLException e) {
                throw new ConfigError("cannot read the feedback from the database (" + e.getClass().getSimpleName() + ")");
            }
            if (asJson) {
                ObjectMapper json = new ObjectMapper();
                ObjectNode root = json.createObjectNode();
                ArrayNode rules = root.putArray("rules");
                for (FeedbackStore.RuleReport r : rows) {
                    ObjectNode n = rules.addObject().put("rule", r.rule()).put("shown", r.shown())
                            .put("accepted", r.accepted()).put("overridden", r.overridden());
                    ObjectNode reasons = n.putObject("overrideReasons");
                    r.overrideReasons().forEach(reasons::put);
                }
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out.printf("%-12s %8s %9s %11s  %s%n", "rule", "shown", "accepted", "overridden", "override reasons");
                for (FeedbackStore.RuleReport r : rows) {
                    StringBuilder reasons = new StringBuilder();
                    for (Map.Entry<String, Long> e : r.overrideReasons().entrySet()) {
                        reasons.append(reasons.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
                    }
                    out.printf("%-12s %8d %9d %11d  %s%n", r.rule(), r.shown(), r.accepted(), r.overridden(), reasons);
                }
            }
        }
        return 0;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    static String usage() {
        return """
                usage: java -jar cds-hooks.jar --trusted-clients FILE --public-url URL [--port 8080]
                                               [--host ADDRESS (default 127.0.0.1)] [--database JDBC_URL]
                                               [--cors-origin ORIGIN]... [--keep-comments]
                       java -jar cds-hooks.jar --dev [--as-of YYYY-MM-DD] [--port 8080] [--database JDBC_URL]
                       java -jar cds-hooks.jar feedback-report [--database JDBC_URL] [--json]""";
    }
}
