package org.physiocds.population;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.physiocds.CdsEngine;
import org.physiocds.Thresholds;
import org.physiocds.fhir.FhirMapping;
import org.physiocds.json.JsonCodec;

/**
 * The engine, the JSON codec and the FHIR mapping of this JVM, each built once, lazily, on first
 * use in a task. The knowledge base is not serialisable and a Drools session is not shareable, so
 * nothing of the engine ever travels between driver and executors: each executor JVM builds its own
 * here and every task of that JVM shares it ({@link CdsEngine} is thread-safe).
 */
final class Engines {

    private Engines() {
    }

    private static final class EngineHolder {
        static final CdsEngine ENGINE = CdsEngine.builder().build();
    }

    private static final class JsonHolder {
        static final JsonCodec JSON = new JsonCodec();
    }

    private static final class FhirHolder {
        static final FhirMapping FHIR = FhirMapping.create();
    }

    /** Engines for other thresholds ({@code --thresholds}), one per thresholds, built on first use. */
    private static final Map<Thresholds, CdsEngine> OTHERS = new ConcurrentHashMap<>();

    /** This JVM's engine, built on first use (the initialisation-on-demand holder idiom). */
    static CdsEngine engine() {
        return EngineHolder.ENGINE;
    }

    /**
     * This JVM's engine for {@code thresholds}: the default engine for the defaults; for others an
     * engine of their own, built once, past clinical limits allowed (a what-if run, as {@code cds
     * diff}; the summary says so).
     */
    static CdsEngine engine(Thresholds thresholds) {
        if (thresholds.equals(Thresholds.DEFAULTS)) {
            return engine();
        }
        return OTHERS.computeIfAbsent(thresholds,
                t -> CdsEngine.builder().thresholds(t).allowUnsafeThresholds().build());
    }

    static JsonCodec json() {
        return JsonHolder.JSON;
    }

    static FhirMapping fhir() {
        return FhirHolder.FHIR;
    }
}
