package org.physiocds.hooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The CDS Hooks 2.0.1 wire types, as records whose components mirror the specification's field
 * names. Optional fields are omitted when absent or empty (the service's ObjectMapper writes
 * {@code NON_EMPTY}); unknown fields in what a client sends are ignored, as the specification asks.
 */
final class Wire {

    private Wire() {
    }

    /** {@code GET /cds-services}. */
    record Discovery(List<Service> services) {
    }

    /**
     * One service of the discovery document; {@code extension} holds what the specification has no
     * field for (the canonical URL of the service's PlanDefinition).
     */
    record Service(String hook, String title, String description, String id, Map<String, String> prefetch,
            String usageRequirements, Map<String, String> extension) {
    }

    /** A service call: {@code POST /cds-services/{id}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HookRequest(String hook, String hookInstance, String fhirServer, FhirAuthorization fhirAuthorization,
            ObjectNode context, ObjectNode prefetch) {
    }

    /** The access token a client lends the service for its FHIR server. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FhirAuthorization(String access_token, String token_type, Long expires_in, String scope, String subject,
            String patient) {
    }

    /** A service's answer. */
    record HookResponse(@JsonInclude(JsonInclude.Include.ALWAYS) List<Card> cards, List<JsonNode> systemActions) {
        static HookResponse of(List<Card> cards) {
            return new HookResponse(cards, List.of());
        }
    }

    /** A card. */
    record Card(String uuid, String summary, String detail, String indicator, Source source,
            List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons, List<Link> links) {
    }

    /** Who said it: the knowledge base and its version; {@code topic} names the rule(s). */
    record Source(String label, String url, String icon, Coding topic) {
    }

    /** A coding. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Coding(String system, String code, String display) {
    }

    /** A suggestion. */
    record Suggestion(String label, String uuid, Boolean isRecommended, List<SuggestionAction> actions) {
    }

    /** What accepting a suggestion does. */
    record SuggestionAction(String type, String description, JsonNode resource, String resourceId) {
    }

    /** A link. */
    record Link(String label, String url, String type, String appContext) {
    }

    /** {@code POST /cds-services/{id}/feedback}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FeedbackRequest(List<Feedback> feedback) {
    }

    /** One card's outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Feedback(String card, String outcome, List<AcceptedSuggestion> acceptedSuggestions,
            OverrideReason overrideReason, String outcomeTimestamp) {
    }

    /** A suggestion the clinician took. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AcceptedSuggestion(String id) {
    }

    /** Why a card was overridden. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OverrideReason(Coding reason, String userComment) {
    }
}
