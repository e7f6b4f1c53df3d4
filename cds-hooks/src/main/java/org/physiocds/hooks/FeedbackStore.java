package org.physiocds.hooks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card log, the feedback and the token replay cache, in any JDBC database (embedded H2 by
 * default, PostgreSQL tested and the documented production choice), its schema managed by Flyway
 * ({@code db/migration}), reached through one HikariCP pool.
 *
 * <p>Durable before answered: every write is committed before the call that made it returns, so a
 * card shown or a feedback item answered 200 is in the database even if the process is killed the
 * next instant. An embedded H2 file database is opened with {@code WRITE_DELAY=0}, so that a commit
 * is written to the database file before it returns (H2's default delays it by up to half a second),
 * and each commit that must be durable ends with {@code CHECKPOINT SYNC} (the file forced to the
 * disk). Nothing here logs a comment, a patient id, a fact or a token.
 */
final class FeedbackStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStore.class);

    /** One card shown. */
    record ShownCard(String uuid, String serviceId, String indicator, List<String> rules, String kbName,
            String kbVersion, Instant at) {
    }

    /** Per rule: cards shown, accepted, overridden, and the override reasons by count. */
    record RuleReport(String rule, long shown, long accepted, long overridden, Map<String, Long> overrideReasons) {
    }

    /** How long a caller waits for a connection (a database that is down answers within this). */
    static final long CONNECTION_TIMEOUT_MS = 2_000;
    /** Expired replay entries are purged at most this often. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final HikariDataSource pool;
    private final boolean h2;
    private final boolean keepComments;
    private final AtomicLong nextPurge = new AtomicLong();

    /** Opens (creating it if needed) and migrates the service's database. */
    FeedbackStore(String url, String user, String password, boolean keepComments) {
        this(url, user, password, keepComments, true);
    }

    private FeedbackStore(String url, String user, String password, boolean keepComments, boolean create) {
        this.h2 = url.startsWith("jdbc:h2:");
        this.keepComments = keepComments;
        HikariConfig c = new HikariConfig();
        c.setPoolName("physiocds-db");
        c.setJdbcUrl(h2 ? h2Url(url, create) : url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        c.setMinimumIdle(1);
        c.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        c.setValidationTimeout(1_000);
        // The first connection is made below, so that a failure is one line, not a pool's stack trace.
        c.setInitializationFailTimeout(-1);
        String cannot = (create ? "cannot open the database " : "no database at ") + safe(url);
        try {
            this.pool = new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new ConfigError(cannot + " (" + rootCause(e) + ")");
        }
        try (Connection first = pool.getConnection()) {
            first.isValid(2);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new ConfigError(cannot + (create ? " (" + rootCause(e) + ")" : ": it does not exist or cannot be opened"));
        }
        try {
            if (create) {
                Flyway.configure().dataSource(pool).load().migrate();
            } else {
                try (Connection conn = pool.getConnection(); ResultSet rs = conn.createStatement()
                        .executeQuery("select count(*) from card_log")) {
                    rs.next();
                }
            }
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw new ConfigError(create ? "cannot prepare the database " + safe(url) + " (" + rootCause(e) + ")"
                    : "the database " + safe(url) + " holds no card log: not a PhysioCDS CDS Hooks database");
        }
    }

    /**
     * An existing database, for the feedback report: one that does not exist is a {@link ConfigError}
     * (never created empty), and its schema is not changed.
     */
    static FeedbackStore existing(String url, String user, String password) {
        return new FeedbackStore(url, user, password, false, false);
    }

    private static String h2Url(String url, boolean create) {
        String u = url.contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
        return create || url.contains(";IFEXISTS=") ? u : u + ";IFEXISTS=TRUE";
    }

    /** The URL without its parameters (which may hold a password), for a message. */
    static String safe(String url) {
        int cut = url.length();
        for (char c : new char[] {';', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return url.substring(0, cut);
    }

    /** The innermost cause: the first line of its message, parameters cut (one line, no password), else its class. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : safe(t.getMessage().lines().findFirst().orElse("")).strip();
        return message.isBlank() ? t.getClass().getSimpleName()
                : message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    Connection connect() throws SQLException {
        return pool.getConnection();
    }

    /** True when a connection can be had (within {@link #CONNECTION_TIMEOUT_MS}) and answers within a second. */
    boolean reachable() {
        try (Connection c = connect()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** H2: force the committed data to the disk (PostgreSQL does it at commit itself). */
    private void sync(Connection c) throws SQLException {
        if (h2) {
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    }

    /** Writes the cards of one answer to the log, committed before it returns. */
    void shown(List<ShownCard> cards) throws SQLException {
        if (cards.isEmpty()) {
            return;
        }
        durably(c -> {
            try (PreparedStatement card = c.prepareStatement(
                    "insert into card_log (card_uuid, service_id, indicator, kb_name, kb_version, shown_at) values (?, ?, ?, ?, ?, ?)");
                    PreparedStatement rule = c.prepareStatement("insert into card_rule (card_uuid, rule_id) values (?, ?)")) {
                for (ShownCard s : cards) {
                    card.setString(1, s.uuid());
                    card.setString(2, s.serviceId());
                    card.setString(3, s.indicator());
                    card.setString(4, s.kbName());
                    card.setString(5, s.kbVersion());
                    card.setObject(6, OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC));
                    card.addBatch();
                    for (String r : s.rules()) {
                        rule.setString(1, s.uuid());
                        rule.setString(2, r);
                        rule.addBatch();
                    }
                }
                card.executeBatch();
                rule.executeBatch();
            }
        });
    }

    /**
     * Records a token's key until it expires; false when the key is already there (a replay, on this
     * replica or another one sharing the database).
     */
    boolean firstUse(String key, Instant until, Instant now) throws SQLException {
        try (Connection c = connect()) {
            long at = now.toEpochMilli();
            long next = nextPurge.get();
            if (at >= next && nextPurge.compareAndSet(next, at + PURGE_EVERY.toMillis())) {
                try (PreparedStatement purge = c.prepareStatement("delete from token_replay where expires_at < ?")) {
                    purge.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    int purged = purge.executeUpdate();
                    if (purged > 0) {
                        LOG.debug("token replay cache: {} expired entries purged", purged);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into token_replay (token_key, expires_at) values (?, ?)")) {
                ps.setString(1, key);
                ps.setObject(2, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }
    }

    /** The index of the first item whose card this service never issued, or -1. */
    int firstUnknownCard(List<Wire.Feedback> items) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "select 1 from card_log where card_uuid = ?")) {
            for (int i = 0; i < items.size(); i++) {
                ps.setString(1, items.get(i).card());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Stores the feedback of one call. */
    void feedback(String serviceId, List<Wire.Feedback> items, Instant now) throws SQLException {
        durably(c -> insertFeedback(c, serviceId, items, now));
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction, committed and synced to disk before it returns. */
    private void durably(Work work) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            sync(c);
        }
    }

    private void insertFeedback(Connection c, String serviceId, List<Wire.Feedback> items, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into feedback (card_uuid, service_id, outcome, accepted_suggestions, override_system, override_code,"
                        + " user_comment, outcome_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Wire.Feedback f : items) {
                ps.setString(1, f.card());
                ps.setString(2, serviceId);
                ps.setString(3, f.outcome());
                ps.setInt(4, f.acceptedSuggestions() == null ? 0 : f.acceptedSuggestions().size());
                Wire.Coding reason = f.overrideReason() == null ? null : f.overrideReason().reason();
                ps.setString(5, reason == null ? null : reason.system());
                ps.setString(6, reason == null ? null : reason.code());
                String comment = f.overrideReason() == null ? null : f.overrideReason().userComment();
                ps.setString(7, keepComments && comment != null ? truncate(comment, 4000) : null);
                if (f.outcomeTimestamp() == null) {
                    ps.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(8, OffsetDateTime.ofInstant(Instant.parse(f.outcomeTimestamp()), ZoneOffset.UTC));
                }
                ps.setObject(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Checks a feedback document before anything is stored: 400 on the first fault. */
    static void validate(Wire.FeedbackRequest request) {
        if (request == null || request.feedback() == null || request.feedback().isEmpty()) {
            throw new HttpError(400, "invalid", "feedback: expected {\"feedback\": [...]} with at least one item");
        }
        for (int i = 0; i < request.feedback().size(); i++) {
            Wire.Feedback f = request.feedback().get(i);
            if (f == null || f.card() == null || f.card().isBlank() || f.card().length() > 100) {
                throw new HttpError(400, "invalid", "feedback[" + i + "].card is required");
            }
            if (!"accepted".equals(f.outcome()) && !"overridden".equals(f.outcome())) {
                throw new HttpError(400, "invalid", "feedback[" + i + "].outcome must be accepted or overridden");
            }
            if (f.outcomeTimestamp() != null) {
                try {
                    Instant.parse(f.outcomeTimestamp());
                } catch (DateTimeParseException e) {
                    throw new HttpError(400, "invalid", "feedback[" + i + "].outcomeTimestamp must be an ISO instant");
                }
            }
        }
    }

    /** Per rule, sorted by rule id. */
    List<RuleReport> report() throws SQLException {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        try (Connection c = connect()) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select rule_id, count(*) from card_rule group by rule_id")) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[3])[0] = rs.getLong(2);
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select r.rule_id, f.outcome, f.override_code, count(*) from feedback f"
                            + " join card_rule r on r.card_uuid = f.card_uuid"
                            + " group by r.rule_id, f.outcome, f.override_code")) {
                while (rs.next()) {
                    long[] n = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    long count = rs.getLong(4);
                    if ("accepted".equals(rs.getString(2))) {
                        n[1] += count;
                    } else {
                        n[2] += count;
                        String code = rs.getString(3) == null ? "(none given)" : rs.getString(3);
                        reasons.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).merge(code, count, Long::sum);
                    }
                }
            }
        }
        List<RuleReport> report = new ArrayList<>();
        counts.forEach((rule, n) -> report.add(new RuleReport(rule, n[0], n[1], n[2],
                new LinkedHashMap<>(reasons.getOrDefault(rule, Map.of())))));
        return report;
    }

    /** Comments kept, for a test or an export (never logged). */
    List<String> comments() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "select user_comment from feedback where user_comment is not null order by id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
