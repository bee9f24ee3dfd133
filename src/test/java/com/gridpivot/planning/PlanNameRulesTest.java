package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.planning.input.PlanProblem;
import org.junit.jupiter.api.Test;

/**
 * A plan's fleet and option names follow the what-if's rule (one validation, {@code UniqueNames}): names are trimmed, two
 * names that differ only in case or blanks are one name, and "mining" is reserved for the ASIC total of
 * revenuePerItMwhUsd. The plan used to compare exact strings.
 */
class PlanNameRulesTest {

    /** "S21" and " s21 " would be two fleets both shown as one column (and one LP index): 400 on the second. */
    @Test
    void namesDifferingOnlyInCaseOrBlanksAreDuplicates() {
        ObjectNode json = PlanModelTest.base(1);
        ArrayNode fleets = (ArrayNode) json.get("asicFleets");
        ObjectNode twin = fleets.get(0).deepCopy();
        twin.put("name", " s21 ");
        fleets.add(twin);
        assertThatThrownBy(() -> problem(json))
                .hasMessageContaining("asicFleets[1].name")
                .hasMessageContaining("duplicate name 's21' (also used by asicFleets[0].name)");
    }

    /** An AI option named "Mining" would collide with the ASIC total in revenuePerItMwhUsd. */
    @Test
    void miningIsReservedForTheAsicTotal() {
        ObjectNode json = PlanModelTest.base(1);
        ((ObjectNode) json.get("aiOptions").get(0)).put("name", "Mining");
        assertThatThrownBy(() -> problem(json))
                .hasMessageContaining("aiOptions[0].name")
                .hasMessageContaining("'mining' is reserved");
    }

    /**
     * An option named " flat " is the option "flat": it keeps its plan fields (lead time 1) and a scenario override keyed
     * "flat" applies to it (its 90 USD/MWh replace 120). It used to be dropped without a word.
     */
    @Test
    void aTrimmedNameKeepsItsOptionAndItsOverride() {
        ObjectNode json = PlanModelTest.base(1);
        ((ObjectNode) json.get("aiOptions").get(0)).put("name", " flat ");
        ((ObjectNode) json.get("scenario")).putObject("ai").putObject("options").putObject("flat").put("revenueUsdPerMwh", 90);
        PlanProblem p = problem(json);
        assertThat(p.options()).hasSize(1);
        assertThat(p.options().get(0).spec().name()).isEqualTo("flat");
        assertThat(p.options().get(0).leadTimeMonths()).isEqualTo(1);
        assertThat(p.options().get(0).spec().revenueUsdPerMwh()).isEqualTo(90.0);
    }
}
