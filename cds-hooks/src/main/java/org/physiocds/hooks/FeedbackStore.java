package org.physiocds.hooks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card log and the feedback, in any JDBC database (embedded H2 by default, PostgreSQL tested),
 * its schema managed by Flyway ({@code db/migration}). The card log is written by one background
 * thread, so that a call never waits for the database; {@link #close()} writes what is queued.
 * Nothing here logs a comment, a patient id or a fact.
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

    private final String url;
    private final String user;
    private final String password;
    private final boolean keepComments;
    private final LinkedBlockingQueue<ShownCard> queue = new LinkedBlockingQueue<>(100_000);
    private final Thread writer;
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closing;

    FeedbackStore(String url, String user, String password, boolean keepComments) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.keepComments = keepComments;
        Flyway.configure().dataSource(url, user, password).load().migrate();
        writer = new Thread(this::writeLoop, "card-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    boolean reachable() {
        try (Connection c = connect()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Queues the card for the log (dropped, with a count in the log, if the queue is full). */
    void shown(ShownCard card) {
        pending.incrementAndGet();
        if (!queue.offer(card)) {
            pending.decrementAndGet();
            LOG.warn("card log queue full: one card not logged");
        }
    }

    private void writeLoop() {
        List<ShownCard> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                ShownCard first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 499);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                LOG.error("card log: {} cards not written ({})", batch.size(), e.getClass().getSimpleName());
            }
            pending.addAndGet(-batch.size());
            batch.clear();
        }
    }

    private void write(List<ShownCard> cards) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
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
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Stores the feedback of one call. */
    void feedback(String serviceId, List<Wire.Feedback> items, Instant now) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
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

    /** Waits until every queued card is written (tests, shutdown). */
    void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
