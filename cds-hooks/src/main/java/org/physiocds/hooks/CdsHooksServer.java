package org.physiocds.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
 * feedback and health; and under {@code /fhir} the knowledge base as FHIR knowledge artifacts
 * (PlanDefinition, Library, CapabilityStatement) with {@code PlanDefinition/$apply}. Routing,
 * authentication, error answers (one OperationOutcome shape) and the access log (method, path,
 * status, time: nothing else) are set up once here; handlers parse a record, call the domain and
 * write a record.
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
     * @param publicUrl the base URL clients call (the TLS proxy's), against which every token's {@code aud}
     *     is checked; required but with {@code dev} (there, when null, the URL of the request)
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
            if (publicUrl == null && !dev) {
                throw new ConfigError("--public-url URL is required: the address CDS clients call (the TLS proxy's),"
                        + " against which every token's aud is checked");
            }
            if (publicUrl != null && !publicUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
                throw new ConfigError("--public-url must be an http(s) URL without query, not " + publicUrl);
            }
            corsOrigins = List.copyOf(corsOrigins);
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final Config config;
    private final CdsEngine engine;
    private final FhirMapping fhir = FhirMapping.create();
    private final FeedbackStore store;
    private final TokenVerifier tokens;
    private final KnowledgeArtifacts artifacts;
    private final CardDesigner designer = new CardDesigner(UUID::randomUUID);
    private final OrderCheck orders = new OrderCheck(UUID::randomUUID);
    private final ObjectMapper json = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong unknownCardFeedback = new AtomicLong();
    private volatile boolean ready;
    private volatile boolean stopping;
    private volatile Server jetty;
    private final Javalin app;

    private CdsHooksServer(Config config, CdsEngine engine) {
        this.config = config;
        this.engine = engine;
        if (config.dev() && !isLoopback(config.host())) {
            throw new ConfigError("--dev accepts calls without a token: bind it to loopback only "
                    + "(--host 127.0.0.1), not " + config.host());
        }
        this.store = new FeedbackStore(config.databaseUrl(), config.databaseUser(), config.databasePassword(),
                config.keepComments());
        this.tokens = new TokenVerifier(config.trusted(), config.clock(), store);
        this.artifacts = new KnowledgeArtifacts(engine, config.publicUrl(), config.clock().instant());
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            // A bounded pool: requests beyond what the cores can evaluate wait in Jetty's queue
            // instead of all competing for the CPU at once.
            c.jetty.threadPool = new QueuedThreadPool(THREADS, Math.min(4, THREADS), 60_000);
            c.http.maxRequestSize = MAX_BODY;
            c.http.prefer405over404 = true;
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
            c.routes.get("/health", this::ready);
            c.routes.get("/health/ready", this::ready);
            c.routes.get("/health/live", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
            c.routes.get("/cds-services", ctx -> write(ctx, discovery()));
            c.routes.post("/cds-services/{id}", this::call);
            c.routes.post("/cds-services/{id}/feedback", this::feedback);
            c.routes.get("/fhir/metadata", ctx -> fhirJson(ctx, artifacts.metadata()));
            c.routes.get("/fhir/PlanDefinition/{id}", ctx -> fhirJson(ctx, artifacts.planDefinition(ctx.pathParam("id"))));
            c.routes.get("/fhir/Library/{id}", ctx -> fhirJson(ctx, artifacts.library(ctx.pathParam("id"))));
            c.routes.post("/fhir/PlanDefinition/{id}/$apply", this::apply);
            c.routes.exception(HttpError.class, (e, ctx) -> outcome(ctx, e.status(), e.issues()));
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
                        outcome(ctx, status, status == 405 ? "not-supported" : "not-found", statusText(status));
                    }
                    if (status == 405) {
                        ctx.header("Allow", allowed(ctx.path()));
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

    /** Jetty's threads: twice the cores plus its own acceptor and selector, at least 8. */
    static final int THREADS = Math.max(8, 2 * Runtime.getRuntime().availableProcessors() + 4);

    /**
     * Starts the service (the database migrated) and warms it on a thread of its own: until the warm-up
     * has run, {@code /health/live} answers 200 and {@code /health/ready} 503.
     */
    public static CdsHooksServer start(Config config, CdsEngine engine) {
        return start(config, engine, task -> {
            Thread t = new Thread(task, "warm-up");
            t.setDaemon(true);
            t.start();
        });
    }

    /** As {@link #start(Config, CdsEngine)}, the warm-up run by {@code warmUp} (a test holds it back). */
    static CdsHooksServer start(Config config, CdsEngine engine, Executor warmUp) {
        CdsHooksServer server = new CdsHooksServer(config, engine);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.store.close();
            throw new ConfigError("cannot listen on " + config.host() + ":" + config.port() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        LOG.info("CDS Hooks service on {}:{} ({} {}), warming up", config.host(), server.port(),
                engine.knowledgeBase().name(), engine.knowledgeBase().version());
        warmUp.execute(server::warmUp);
        return server;
    }

    /**
     * Runs what the first calls would otherwise pay for (class loading, the engine's first sessions, HAPI's
     * parser, the card designer, JSON, a token verification, the database) on a representative
     * patient-view and order-select, round after round until a round is no longer markedly faster than
     * the one before (at least 3 rounds, at most {@link #WARM_UP_ROUNDS}), then reports ready. Nothing
     * is written to the card log.
     */
    private void warmUp() {
        long start = System.nanoTime();
        try {
            byte[] body;
            try (var in = CdsHooksServer.class.getResourceAsStream("/warm-up/patient-view.json")) {
                body = in.readAllBytes();
            }
            Wire.HookRequest view = json.readValue(body, Wire.HookRequest.class);
            ObjectNode select = json.readValue(body, ObjectNode.class);
            select.put("hook", ORDER_SELECT);
            ObjectNode context = (ObjectNode) select.get("context");
            context.putArray("selections").add("ServiceRequest/warm-up");
            ObjectNode order = context.putObject("draftOrders").put("resourceType", "Bundle").put("type", "collection")
                    .putArray("entry").addObject().putObject("resource").put("resourceType", "ServiceRequest")
                    .put("id", "warm-up").put("status", "draft").put("intent", "proposal");
            order.putObject("code").putArray("coding").addObject().put("system", OrderCheck.CS_ACTION).put("code", "STRETCH");
            order.putArray("bodySite").addObject().putArray("coding").addObject().put("system", OrderCheck.CS_TARGET)
                    .put("code", "HAMSTRINGS");
            Wire.HookRequest orderSelect = json.treeToValue(select, Wire.HookRequest.class);
            long previous = Long.MAX_VALUE;
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                long roundStart = System.nanoTime();
                json.writeValueAsString(Wire.HookResponse.of(answer(PATIENT_VIEW, view, null).stream()
                        .map(CardDesigner.DesignedCard::card).toList()));
                json.writeValueAsString(Wire.HookResponse.of(answer(ORDER_SELECT, orderSelect, null).stream()
                        .map(CardDesigner.DesignedCard::card).toList()));
                long took = System.nanoTime() - roundStart;
                if (i >= 2 && took > previous * 0.8) {
                    break;
                }
                previous = took;
            }
            TokenVerifier.warmUp();
            if (!store.reachable()) {
                LOG.warn("warm-up done, but the database is not reachable: not ready until it is");
            }
            ready = true;
            LOG.info("ready: warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            // Not ready, ever: the orchestrator restarts the service and the log says why.
            LOG.error("warm-up failed ({}): the service will not report ready", e.getClass().getName());
        }
    }

    /** How many times the warm-up answers each hook. */
    static final int WARM_UP_ROUNDS = 20;

    /** The methods a path answers, for a 405's {@code Allow} (OPTIONS when CORS is on). */
    private String allowed(String path) {
        boolean post = path.startsWith("/cds-services/") || path.endsWith("/$apply");
        return (post ? "POST" : "GET") + (config.corsOrigins().isEmpty() ? "" : ", OPTIONS");
    }

    /**
     * Whether a path needs a token: the CDS Hooks services and discovery, and everything under
     * {@code /fhir} but the CapabilityStatement (which a FHIR client reads first, to learn how to call).
     */
    static boolean guarded(String path) {
        return path.startsWith("/cds-services")
                || ((path.equals("/fhir") || path.startsWith("/fhir/")) && !path.equals("/fhir/metadata"));
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
        if (!guarded(ctx.path()) || "OPTIONS".equals(ctx.method().name())) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (config.dev() && authorization == null) {
            return;
        }
        // The audience is the public URL's; the request's own URL (its Host header) only in --dev.
        String audience = config.publicUrl() != null ? TrustedClients.trimSlash(config.publicUrl()) + ctx.path() : ctx.url();
        ctx.attribute("caller", tokens.verify(authorization, audience));
    }

    // ---- handlers -------------------------------------------------------------------------------

    /** 200 when warmed up, the database reachable and not stopping; else 503 saying which. */
    private void ready(Context ctx) {
        if (stopping) {
            throw new HttpError(503, "transient", "not ready: shutting down");
        }
        if (!ready) {
            throw new HttpError(503, "transient", "not ready: warming up");
        }
        if (!store.reachable()) {
            throw new HttpError(503, "transient", "not ready: the database is not reachable");
        }
        ctx.contentType("application/json").result("{\"status\":\"UP\",\"feedbackForUnknownCards\":"
                + unknownCardFeedback.get() + "}");
    }

    static Wire.Discovery discovery() {
        return new Wire.Discovery(List.of(
                new Wire.Service("patient-view", "Stretching and low back pain: safety and plan",
                        "Reads the patient's record (conditions, observations, procedures, questionnaire responses)"
                                + " and answers with at most three cards: an emergency or urgent referral, what must"
                                + " not be done, and the phased exercise plan.",
                        PATIENT_VIEW, Prefetch.TEMPLATES, null, knowledge()),
                new Wire.Service("order-select", "Stretching and exercise orders: safety check",
                        "Checks draft ServiceRequests for stretching or exercise that the plan advises against"
                                + " (a recently strained muscle, any exercise under an emergency referral) and"
                                + " suggests deleting them.",
                        ORDER_SELECT, Prefetch.TEMPLATES, null, knowledge())));
    }

    /**
     * What discovery adds to each service (CDS Hooks 2.0.1 allows extra data in a service's
     * {@code extension} only): the canonical URL of the PlanDefinition the service runs, readable at
     * {@code /fhir/PlanDefinition/{id}}.
     */
    static Map<String, String> knowledge() {
        return Map.of(PLAN_DEFINITION_EXTENSION, FhirMapping.planDefinitionUrl());
    }

    /** The discovery extension naming a service's PlanDefinition. */
    static final String PLAN_DEFINITION_EXTENSION = "org.physiocds.planDefinition";

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
        List<CardDesigner.DesignedCard> cards = answer(id, request, ctx.attribute("caller"));
        List<Wire.Card> out = new ArrayList<>(cards.size());
        List<FeedbackStore.ShownCard> shown = new ArrayList<>(cards.size());
        for (CardDesigner.DesignedCard c : cards) {
            out.add(c.card());
            shown.add(new FeedbackStore.ShownCard(c.card().uuid(), id, c.card().indicator(), c.rules(),
                    engine.knowledgeBase().name(), engine.knowledgeBase().version(), config.clock().instant()));
        }
        try {
            // In the database before the answer: feedback on these cards is accepted from then on.
            store.shown(shown);
        } catch (SQLException e) {
            LOG.error("card log: {} cards not written ({}): the call answered 503", shown.size(),
                    e.getClass().getSimpleName());
            throw new HttpError(503, "transient", "the service cannot record its cards right now; try again shortly");
        }
        write(ctx, Wire.HookResponse.of(out));
    }

    /** The cards of one call (nothing written anywhere). */
    private List<CardDesigner.DesignedCard> answer(String id, Wire.HookRequest request, TokenVerifier.Caller caller) {
        org.hl7.fhir.r4.model.Bundle drafts = id.equals(ORDER_SELECT) ? Prefetch.draftOrders(request) : null;
        List<String> selections = id.equals(ORDER_SELECT) ? Prefetch.selections(request) : List.of();
        List<IBaseResource> resources = Prefetch.resolve(request, caller);
        Evaluation evaluation = evaluate(resources, id.equals(PATIENT_VIEW));
        return id.equals(PATIENT_VIEW) ? designer.cards(evaluation) : orders.cards(evaluation, drafts, selections);
    }

    /** With {@code whatIf}, also what the record leaves unknown that would change the advice (the info card says). */
    private Evaluation evaluate(List<IBaseResource> resources, boolean whatIf) {
        PatientRecord record = readRecord(() -> fhir.readPatient(resources, LocalDate.now(config.clock())), path -> path);
        return whatIf ? engine.evaluateWithMissingData(record.patient()) : engine.evaluate(record.patient());
    }

    /**
     * A record read by the FHIR mapping, or 422: one issue per problem, its expression the FHIR path
     * ({@code where} turns the mapping's path into one into what the caller sent), its diagnostics what
     * was expected there. Never the value found.
     */
    private static PatientRecord readRecord(Supplier<PatientRecord> reading, UnaryOperator<String> where) {
        try {
            return reading.get();
        } catch (InvalidPatientException e) {
            List<HttpError.Issue> issues = new ArrayList<>();
            for (Problem p : e.problems()) {
                String path = where.apply(p.path());
                issues.add(new HttpError.Issue("invalid", "the record cannot be read: " + path + ": expected "
                        + p.expected(), List.of(path)));
            }
            throw new HttpError(422, issues);
        }
    }

    /**
     * {@code $apply}: the subject's record (the {@code data} Bundle, or fetched from the client's FHIR
     * server under the prefetch's trust rules) read by the same FHIR mapping and evaluated by the same
     * engine as {@code patient-view}, answered as the mapping writes every evaluation: a Bundle whose
     * first entry is the RequestGroup (the bytes {@code cds evaluate --fhir FILE --output fhir} prints).
     * Nothing is written to the card log: no card is shown.
     */
    private void apply(Context ctx) {
        artifacts.planDefinition(ctx.pathParam("id"));
        JsonNode body = read(ctx, JsonNode.class);
        ApplyRequest request = ApplyRequest.parse(body);
        LocalDate asOf = LocalDate.now(config.clock());
        PatientRecord record;
        if (request.data() != null) {
            String data = request.data().toString();
            String at = request.dataPath();
            record = readRecord(() -> fhir.readPatient(data, asOf),
                    path -> path.equals("$") ? at : path.startsWith("Bundle") ? at + path.substring(6) : path);
        } else {
            List<IBaseResource> resources = Prefetch.fetch(request.endpoint().address(), request.endpoint().accessToken(),
                    request.patientId(), ctx.attribute("caller"), List.copyOf(Prefetch.TEMPLATES.keySet()),
                    "dataEndpoint's address");
            record = readRecord(() -> fhir.readPatient(resources, asOf), path -> path);
        }
        Evaluation evaluation = engine.evaluate(record.patient());
        fhirJson(ctx, fhir.writeEvaluationJson(evaluation, asOf));
    }

    private void feedback(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        if (!id.equals(PATIENT_VIEW) && !id.equals(ORDER_SELECT)) {
            throw new HttpError(404, "not-found", "no such CDS service");
        }
        Wire.FeedbackRequest request = read(ctx, Wire.FeedbackRequest.class);
        FeedbackStore.validate(request);
        int unknown = store.firstUnknownCard(request.feedback());
        if (unknown >= 0) {
            long n = unknownCardFeedback.incrementAndGet();
            LOG.warn("feedback refused: a card this service never issued ({} such documents since start)", n);
            throw new HttpError(400, "invalid", "feedback[" + unknown + "].card is not a card this service issued");
        }
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

    /** FHIR's JSON, its charset said (Jetty would encode an unknown type as ISO-8859-1). */
    static final String FHIR_JSON = "application/fhir+json;charset=utf-8";

    private void fhirJson(Context ctx, String body) {
        ctx.contentType(FHIR_JSON).result(body);
    }

    private void outcome(Context ctx, int status, String code, String message) {
        outcome(ctx, status, List.of(new HttpError.Issue(code, message, List.of())));
    }

    private void outcome(Context ctx, int status, List<HttpError.Issue> problems) {
        ObjectNode oo = json.createObjectNode().put("resourceType", "OperationOutcome");
        ArrayNode issues = oo.putArray("issue");
        for (HttpError.Issue problem : problems) {
            ObjectNode issue = issues.addObject().put("severity", status >= 500 ? "fatal" : "error")
                    .put("code", problem.code()).put("diagnostics", problem.diagnostics());
            if (!problem.expression().isEmpty()) {
                problem.expression().forEach(issue.putArray("expression")::add);
            }
        }
        ctx.status(status).contentType(FHIR_JSON).result(oo.toString());
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
     * server stops and the database pool is closed.
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
