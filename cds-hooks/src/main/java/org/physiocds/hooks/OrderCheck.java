package org.physiocds.hooks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Recommendation;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.fhir.OrderCodes;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * order-select: a draft ServiceRequest for stretching or exercise that the engine advises against
 * for this patient gets a card that says why and suggests deleting the order.
 *
 * <p>An order denotes exercise when its {@code code} has a coding of
 * {@code https://physiocds.org/fhir/CodeSystem/action} among {@link #EXERCISE}; its target is a
 * {@code bodySite} coding of {@code https://physiocds.org/fhir/CodeSystem/target} or
 * {@code .../CodeSystem/muscle} (a muscle or region code), its side the laterality extension of
 * docs/fhir-mapping.md (SNOMED CT 7771000 left, 24028007 right, 51440002 both; none: both).
 * <ul>
 * <li>Any exercise order while exercise is withheld (an emergency or urgent referral): critical.</li>
 * <li>A stretch of a target the plan says not to stretch ({@code DO_NOT_STRETCH}), or whose stretch
 * the engine withheld: warning.</li>
 * </ul>
 */
final class OrderCheck {

    static final String CS_ACTION = "https://physiocds.org/fhir/CodeSystem/action";
    static final String CS_TARGET = "https://physiocds.org/fhir/CodeSystem/target";
    static final String CS_MUSCLE = "https://physiocds.org/fhir/CodeSystem/muscle";
    static final String EXT_LATERALITY = "https://physiocds.org/fhir/StructureDefinition/laterality";
    static final Set<Action> EXERCISE = EnumSet.of(Action.STRETCH, Action.STRENGTHEN, Action.STABILIZE,
            Action.MOBILIZE, Action.WARM_UP, Action.DECOMPRESS, Action.BREATHING);

    private final Supplier<UUID> uuids;

    OrderCheck(Supplier<UUID> uuids) {
        this.uuids = uuids;
    }

    /**
     * Cards about the selected orders only: those {@code selections} names ({@code ServiceRequest/id});
     * the other draft orders were answered about when they were selected.
     */
    List<CardDesigner.DesignedCard> cards(Evaluation evaluation, Bundle draftOrders, List<String> selections) {
        List<CardDesigner.DesignedCard> cards = new ArrayList<>();
        String label = evaluation.knowledgeBase().name() + " " + evaluation.knowledgeBase().version();
        for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
            if (!(entry.getResource() instanceof ServiceRequest order)
                    || !selections.contains("ServiceRequest/" + order.getIdElement().getIdPart())) {
                continue;
            }
            Action action = action(order);
            String name = action == null ? null : CardDesigner.capitalised(CardDesigner.words(action.name()));
            if (action == null) {
                OrderCodes.Exercise standard = OrderCodes.exercise(order.getCode()); // SNOMED CT (fhir module's table)
                if (standard == null) {
                    continue;
                }
                action = standard.action();
                name = standard.display();
            }
            Target target = target(order);
            Side side = side(order);
            String orderId = "ServiceRequest/" + order.getIdElement().getIdPart();
            String what = name + (target == null ? "" : " " + CardDesigner.sideAndTarget(side, target));
            if (evaluation.isExerciseWithheld()) {
                String rule = evaluation.exerciseWithheld().rule();
                List<String> rules = new ArrayList<>(List.of(rule));
                StringBuilder detail = new StringBuilder("No exercise while the patient awaits an ")
                        .append(evaluation.exerciseWithheld().urgency().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" referral (rule `").append(rule).append("`).\n\n");
                for (Recommendation r : evaluation.recommendations()) {
                    if (CardDesigner.isUrgentReferral(r)) {
                        explain(detail, r.explanation(), rules);
                    }
                }
                cards.add(card("critical", "Cancel order: " + what + "; exercise is withheld pending referral",
                        detail, label, rules, orderId));
                continue;
            }
            if (action != Action.STRETCH || target == null) {
                continue;
            }
            List<String> rules = new ArrayList<>();
            StringBuilder detail = new StringBuilder();
            for (Recommendation r : evaluation.recommendations()) {
                if (r.action() == Action.DO_NOT_STRETCH && overlaps(r.target(), r.side(), target, side)) {
                    detail.append("The plan says: **").append(CardDesigner.md(CardDesigner.title(r.action(), r.target(),
                            r.side(), null, null))).append("**.\n\n");
                    explain(detail, r.explanation(), rules);
                }
            }
            for (SuppressedRecommendation s : evaluation.suppressed()) {
                if (s.action() == Action.STRETCH && overlaps(s.target(), s.side(), target, side)) {
                    detail.append("Stretching ").append(CardDesigner.md(CardDesigner.sideAndTarget(s.side(), s.target())))
                            .append(" was withheld.\n\n");
                    explain(detail, s.suppressedBy(), rules);
                }
            }
            if (!rules.isEmpty()) {
                cards.add(card("warning", "Cancel order: " + what + "; the plan advises against it", detail, label,
                        rules, orderId));
            }
        }
        return cards;
    }

    private CardDesigner.DesignedCard card(String indicator, String summary, StringBuilder detail, String label,
            List<String> rules, String orderId) {
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(rules));
        detail.append("---\n").append(CardDesigner.md(label)).append("; rules: ")
                .append(String.join(", ", distinct.stream().map(r -> "`" + r + "`").toList())).append('\n');
        Wire.Suggestion delete = new Wire.Suggestion("Delete this order", uuids.get().toString(), true,
                List.of(new Wire.SuggestionAction("delete", "Delete the draft order " + orderId, null, orderId)));
        Wire.Card card = new Wire.Card(uuids.get().toString(), CardDesigner.shorten(summary), detail.toString(),
                indicator, new Wire.Source(label, null, null,
                        new Wire.Coding(CardDesigner.RULE_SYSTEM, distinct.get(0), "Rules " + String.join(", ", distinct))),
                List.of(delete), "at-most-one", CardDesigner.OVERRIDE_REASONS, List.of());
        return new CardDesigner.DesignedCard(card, distinct);
    }

    private static void explain(StringBuilder detail, Explanation e, List<String> rules) {
        detail.append("- ").append(CardDesigner.md(e.rationale())).append(" Rule `").append(e.rule()).append("`.\n\n");
        rules.add(e.rule());
    }

    static boolean overlaps(Target planTarget, Side planSide, Target orderTarget, Side orderSide) {
        if (planTarget == null) {
            return false;
        }
        boolean sameTarget = planTarget.covers(orderTarget) || orderTarget.covers(planTarget);
        boolean sameSide = planSide == null || orderSide == null || planSide == Side.BOTH || orderSide == Side.BOTH
                || planSide == orderSide;
        return sameTarget && sameSide;
    }

    static Action action(ServiceRequest order) {
        for (Coding c : order.getCode().getCoding()) {
            if (CS_ACTION.equals(c.getSystem())) {
                for (Action a : EXERCISE) {
                    if (a.name().equals(c.getCode())) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    static Target target(ServiceRequest order) {
        for (CodeableConcept site : order.getBodySite()) {
            for (Coding c : site.getCoding()) {
                if (CS_TARGET.equals(c.getSystem()) || CS_MUSCLE.equals(c.getSystem())) {
                    Target t = Target.fromCode(c.getCode());
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return OrderCodes.target(order.getBodySite());
    }

    static Side side(ServiceRequest order) {
        for (CodeableConcept site : order.getBodySite()) {
            Extension ext = site.getExtensionByUrl(EXT_LATERALITY);
            if (ext != null && ext.getValue() instanceof CodeableConcept cc) {
                for (Coding c : cc.getCoding()) {
                    switch (String.valueOf(c.getCode())) {
                        case "7771000", "419161000" -> {
                            return Side.LEFT;
                        }
                        case "24028007", "419465000" -> {
                            return Side.RIGHT;
                        }
                        default -> {
                            return Side.BOTH;
                        }
                    }
                }
            }
        }
        Side standard = OrderCodes.side(order.getBodySite());
        return standard == null ? Side.BOTH : standard;
    }
}
