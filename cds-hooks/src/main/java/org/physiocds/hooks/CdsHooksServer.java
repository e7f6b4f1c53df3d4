package org.physiocds.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.fhir.FhirMapping;
import org.physiocds.fhir.PatientRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDS Hooks 2.0.1 service on Javalin: discovery, {@code patient-view}, {@code order-select},
 * feedback and health. Routing, authentication, error answers (one OperationOutcome shape) and the
 * access log (method, path, status, time: nothing else) are set up once here; handlers parse a
 * record, call the domain and write a record.
 */
final class CdsHooksServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("org.physiocds.hooks.access");

    /** Request bodies above this many bytes get 413. */
    public static final int MAX_BODY = 1_000_000;

    static final String PATIENT_VIEW = "patient-view";
    static final String ORDER_SELECT = "order-select";

    /**
     * How the service runs.
     *
     * @param host the address to bind (loopback only with {@code dev})
     * @param port 0 for any free port
     * @param trusted the trusted CDS clients
     * @param databaseUrl the JDBC URL of the feedback database
     * @param publicUrl the base URL clients call (behind a proxy), or null: the URL of the request
     * @param dev accept calls without a token (loopback only)
     * @param corsOrigins origins allowed by CORS (none: CORS off)
     * @param keepComments keep feedback's free-text comments
     * @param clock the evaluation date and token times
     */
    record Config(String host, int port, TrustedClients trusted, String databaseUrl, String databaseUser,
            String databasePassword, String publicUrl, boolean dev, List<String> corsOrigins, boolean keepComments,
            Clock clock) {
        public Config {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(trusted, "trusted");
            Objects.requireNonNull(databaseUrl, "databaseUrl");
            corsOrigins = List.copyOf(corsOrigins);
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final Config config;
    private final CdsEngine engine;
    private final FhirMapping fhir = FhirMapping.create();
    private final FeedbackStore store;
    private final TokenVerifier tokens;
    private final CardDesigner designer = new CardDesigner(UUID::randomUUID);
    private final OrderCheck orders = new OrderCheck(UUID::randomUUID);
    private final ObjectMapper json = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;
    private volatile Server jetty;
    private final Javalin app;

    private CdsHooksServer(Config config, CdsEngine engine) {
        this.config = config;
        this.engine = engine;
        if (config.dev() && !isLoopback(config.host())) {
            throw new IllegalArgumentException("--dev accepts calls without a token: bind it to loopback only "
                    + "(--host 127.0.0.1), not " + config.host());
        }
        this.store = new FeedbackStore(config.databaseUrl(), config.databaseUser(), config.databasePassword(),
                config.keepComments());
        this.tokens = new TokenVerifier(config.trusted(), config.clock());
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = MAX_BODY;
            // Jetty's own graceful stop waits until each response in flight is written to the
            // client, which our counter (it ends when the handler returns) cannot see.
            c.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                jetty = server;
            });
            if (!config.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    for (String origin : config.corsOrigins()) {
                        rule.allowHost(origin);
                    }
                }));
            }
            // Called once for every request, whatever happened: the end of a call in flight.
            c.requestLogger.http((ctx, ms) -> {
                if (ctx.attribute("counted") != null) {
                    inFlight.decrementAndGet();
                }
                ACCESS.info("{} {} {} {}ms", ctx.method(), loggable(ctx.path()), ctx.status().getCode(), Math.round(ms));
            });
            c.routes.before(this::admit);
            c.routes.get("/health", this::health);
            c.routes.get("/cds-services", ctx -> write(ctx, discovery()));
            c.routes.post("/cds-services/{id}", this::call);
            c.routes.post("/cds-services/{id}/feedback", this::feedback);
            c.routes.exception(HttpError.class, (e, ctx) -> outcome(ctx, e.status(), e.code(), e.getMessage()));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> outcome(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "too-costly" : "processing", statusText(e.getStatus())));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected {} in {} {}", e.getClass().getName(), ctx.method(), loggable(ctx.path()));
                outcome(ctx, 500, "exception", "internal error");
            });
            for (int status : new int[] {404, 405}) {
                c.routes.error(status, "*", ctx -> {
                    String written = ctx.result();
                    if (written == null || !written.startsWith("{\"resourceType\"")) {
                        outcome(ctx, status, "not-found", statusText(status));
                    }
                });
            }
        });
        if (config.dev()) {
            LOG.warn("**************************************************************************");
            LOG.warn("* DEV MODE: calls WITHOUT a token are accepted (loopback {} only).", config.host());
            LOG.warn("* Never run this with patient data.                                      *");
            LOG.warn("**************************************************************************");
        }
    }

    /** Starts the service; the engine loaded, the database migrated. */
    public static CdsHooksServer start(Config config, CdsEngine engine) {
        CdsHooksServer server = new CdsHooksServer(config, engine);
        server.app.start();
        LOG.info("CDS Hooks service on {}:{} ({} {})", config.host(), server.port(),
                engine.knowledgeBase().name(), engine.knowledgeBase().version());
        return server;
    }

    public int port() {
        return app.port();
    }

    FeedbackStore store() {
        return store;
    }

    // ---- cross-cutting: admission (shutdown, size, token) -------------------------------------

    private void admit(Context ctx) {
        if (stopping) {
            throw new HttpError(503, "transient", "the service is shutting down");
        }
        if (ctx.attribute("counted") == null) {
            ctx.attribute("counted", Boolean.TRUE);
            inFlight.incrementAndGet();
        }
        if (ctx.header("Content-Length") != null && ctx.contentLength() > MAX_BODY) {
            throw new HttpError(413, "too-costly", "request body over " + MAX_BODY + " bytes");
        }
        if (!ctx.path().startsWith("/cds-services") || "OPTIONS".equals(ctx.method().name())) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (config.dev() && authorization == null) {
            return;
        }
        String audience = (config.publicUrl() != null ? TrustedClients.trimSlash(config.publicUrl()) + ctx.path() : ctx.url());
        ctx.attribute("caller", tokens.verify(authorization, audience));
    }

    // ---- handlers -------------------------------------------------------------------------------

    private void health(Context ctx) {
        if (store.reachable() && engine.knowledgeBase() != null && !stopping) {
            ctx.contentType("application/json").result("{\"status\":\"UP\"}");
        } else {
            throw new HttpError(503, "transient", "not ready: the database is not reachable");
        }
    }

    static Wire.Discovery discovery() {
        return new Wire.Discovery(List.of(
                new Wire.Service("patient-view", "Stretching and low back pain: safety and plan",
                        "Reads the patient's record (conditions, observations, procedures, questionnaire responses)"
                                + " and answers with at most three cards: an emergency or urgent referral, what must"
                                + " not be done, and the phased exercise plan.",
                        PATIENT_VIEW, Prefetch.TEMPLATES, null),
                new Wire.Service("order-select", "Stretching and exercise orders: safety check",
                        "Checks draft ServiceRequests for stretching or exercise that the plan advises against"
                                + " (a recently strained muscle, any exercise under an emergency referral) and"
                                + " suggests deleting them.",
                        ORDER_SELECT, Prefetch.TEMPLATES, null)));
    }

    private void call(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.equals(PATIENT_VIEW) && !id.equals(ORDER_SELECT)) {
            throw new HttpError(404, "not-found", "no such CDS service");
        }
        Wire.HookRequest request = read(ctx, Wire.HookRequest.class);
        if (request == null || request.hook() == null || request.hookInstance() == null || request.context() == null) {
            throw new HttpError(400, "required", "hook, hookInstance and context are required");
        }
        if (!id.equals(request.hook())) {
            throw new HttpError(400, "invalid", "this service answers the " + id + " hook");
        }
        if ((request.fhirServer() == null) != (request.fhirAuthorization() == null) && request.fhirAuthorization() != null) {
            throw new HttpError(400, "invalid", "fhirAuthorization without fhirServer");
        }
        TokenVerifier.Caller caller = ctx.attribute("caller");
        org.hl7.fhir.r4.model.Bundle drafts = id.equals(ORDER_SELECT) ? Prefetch.draftOrders(request) : null;
        List<IBaseResource> resources = Prefetch.resolve(request, caller);
        Evaluation evaluation = evaluate(resources, id.equals(PATIENT_VIEW));
        List<CardDesigner.DesignedCard> cards = id.equals(PATIENT_VIEW) ? designer.cards(evaluation)
                : orders.cards(evaluation, drafts, List.of());
        List<Wire.Card> out = new ArrayList<>(cards.size());
        for (CardDesigner.DesignedCard c : cards) {
            out.add(c.card());
            store.shown(new FeedbackStore.ShownCard(c.card().uuid(), id, c.card().indicator(), c.rules(),
                    evaluation.knowledgeBase().name(), evaluation.knowledgeBase().version(), config.clock().instant()));
        }
        write(ctx, Wire.HookResponse.of(out));
    }

    /** With {@code whatIf}, also what the record leaves unknown that would change the advice (the info card says). */
    private Evaluation evaluate(List<IBaseResource> resources, boolean whatIf) {
        PatientRecord record;
        try {
            record = fhir.readPatient(resources, LocalDate.now(config.clock()));
        } catch (InvalidPatientException e) {
            StringBuilder message = new StringBuilder("the record cannot be read:");
            for (Problem p : e.problems()) {
                message.append(' ').append(p.path()).append(": expected ").append(p.expected()).append(';');
            }
            throw new HttpError(422, "invalid", message.toString());
        }
        return whatIf ? engine.evaluateWithMissingData(record.patient()) : engine.evaluate(record.patient());
    }

    private void feedback(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        if (!id.equals(PATIENT_VIEW) && !id.equals(ORDER_SELECT)) {
            throw new HttpError(404, "not-found", "no such CDS service");
        }
        Wire.FeedbackRequest request = read(ctx, Wire.FeedbackRequest.class);
        FeedbackStore.validate(request);
        store.feedback(id, request.feedback(), config.clock().instant());
        ctx.status(200).contentType("application/json").result("{}");
    }

    // ---- one place for JSON in, JSON out and errors ----------------------------------------------

    private <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            throw new HttpError(413, "too-costly", "request body over " + MAX_BODY + " bytes");
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            // Jackson's message quotes the document: never passed on.
            throw new HttpError(400, "invalid", "the body is not a JSON document of the expected shape");
        }
    }

    private void write(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }

    private void outcome(Context ctx, int status, String code, String message) {
        ObjectNode oo = json.createObjectNode().put("resourceType", "OperationOutcome");
        ArrayNode issues = oo.putArray("issue");
        issues.addObject().put("severity", status >= 500 ? "fatal" : "error").put("code", code)
                .put("diagnostics", message);
        ctx.status(status).contentType("application/fhir+json").result(oo.toString());
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
    }

    private static String statusText(int status) {
        return switch (status) {
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 413 -> "request body over " + MAX_BODY + " bytes";
            default -> "request refused (" + status + ")";
        };
    }

    /** A path for the access log: printable ASCII, at most 120 characters. */
    static String loggable(String path) {
        String clean = path.replaceAll("[^\\x21-\\x7e]", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Graceful shutdown: new calls get 503, calls in flight finish (up to {@code grace}), then the
     * server stops and the card log is written out.
     */
    public void stop(Duration grace) {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        jetty.setStopTimeout(Math.max(1_000, (deadline - System.nanoTime()) / 1_000_000));
        app.stop();
        store.close();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
