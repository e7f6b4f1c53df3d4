package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.FlagCode;
import org.physiocds.Phase;
import org.physiocds.internal.RuleSources.RuleSource;

/**
 * What a rule concludes, as CdsEngine.rules() publishes it, is read from the rule file: the advice
 * of its consequence (not of its condition), the flags, the withholding, the phase of a dose.
 */
class RuleSourcesTest {

    private static final String FILE = """
            package org.physiocds.kb;
            // A comment that mentions Action.STRETCH and new Overrule( is not read.
            rule "Injured muscle: do not stretch it"
                @id("T-01") @guidance("G01")
            when
                $i : Injury( muscle != null )
            then
                insert(Advice.doNotStretch($i.muscle(), $i.side(), Restriction.CONTRAINDICATED, "see https://x.org // not a comment"));
                insert(Advice.muscle(Action.STRENGTHEN, $i.muscle(), $i.side(), "strengthen"));
                insert(new Alert(FlagCode.RECENT_INJURY, "recent"));
            end

            rule "Programme: a daily practice once any exercise stands"
                @id("T-02") @guidance("G33")
            when
                $a : Advice( action in (Action.DECOMPRESS, Action.STRETCH) )
            then
                insert(Advice.general(Action.ADVISE, Topic.DAILY_PRACTICE, "daily"));
            end

            rule "Dosage: hold each stretch"
                @id("T-03") @guidance("G26")
            when
                $s : Advice( action == Action.STRETCH )
            then
                insert(new Dose($s, "hold 30-60 s", "held"));
            end

            rule "Conflict: a do-not-stretch overrules a stretch"
                @id("T-04") @guidance("G01")
                agenda-group "resolve"
            when
                $no : Advice( action == Action.DO_NOT_STRETCH )
                $stretch : Advice( action == Action.STRETCH )
            then
                /* insert(Advice.refer(...)) in a block comment */
                insert(new Overrule($stretch, $no));
            end

            rule "Classification: \\"tonic\\" muscles"
                @id("T-05") @guidance("G07")
            when
                MuscleFinding( $m : muscle )
            then
                insert(new MuscleClass($m, MuscleType.TONIC, "tonic"));
            end
            """;

    @Test
    void parse_readsWhatEachConsequenceConcludes_notItsConditionNorComments() {
        Map<String, RuleSource> rules = RuleSources.parse("test.drl", FILE);

        assertEquals(List.of("Injured muscle: do not stretch it", "Programme: a daily practice once any exercise stands",
                "Dosage: hold each stretch", "Conflict: a do-not-stretch overrules a stretch",
                "Classification: \"tonic\" muscles"), List.copyOf(rules.keySet()));
        RuleSource injured = rules.get("Injured muscle: do not stretch it");
        assertEquals(new RuleSource("test.drl", List.of(Action.DO_NOT_STRETCH, Action.STRENGTHEN),
                List.of(FlagCode.RECENT_INJURY), false, Phase.SAFETY), injured);
        RuleSource daily = rules.get("Programme: a daily practice once any exercise stands");
        assertEquals(List.of(Action.ADVISE), daily.actions(), "the condition's actions are not proposals");
        assertEquals(Phase.DAILY_PRACTICE, daily.phase());
        RuleSource dose = rules.get("Dosage: hold each stretch");
        assertEquals(List.of(), dose.actions());
        assertEquals(Phase.MOBILIZE, dose.phase(), "a dose belongs to the phase of the item it doses");
        RuleSource conflict = rules.get("Conflict: a do-not-stretch overrules a stretch");
        assertTrue(conflict.withholds());
        assertEquals(List.of(), conflict.actions(), "a block comment is not read");
        assertNull(conflict.phase());
        RuleSource finding = rules.get("Classification: \"tonic\" muscles");
        assertFalse(finding.withholds());
        assertEquals(List.of(), finding.flags());
        assertNull(finding.phase());
    }

    @Test
    void withoutComments_keepsStringsAndLineBreaks() {
        assertEquals("a \"http://x // y\" b \nc\n\n", RuleSources.withoutComments("a \"http://x // y\" b // gone\nc/* x\n*/\n"));
    }
}
