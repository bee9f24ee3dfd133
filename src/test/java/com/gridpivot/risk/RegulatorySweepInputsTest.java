package com.gridpivot.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.optimization.input.FieldChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The regulatory sweep inputs of issue 16 item 5 are counts: SB6_CURTAILMENT_HOURS takes whole hours, COINCIDENT_PEAKS 4 or 12;
 * neither moves by ±deltaFraction in a tornado. The values themselves are checked by hand in ForcedCurtailmentTest.
 */
class RegulatorySweepInputsTest {
    private static SweepService.Grid grid(SweepRequest req) {
        FieldChecks c = new FieldChecks();
        SweepService.Grid g = new SweepService(null, 2000).grid(c, req, (checks, field, in) -> { });
        c.throwIfAny();
        return g;
    }

    private static SweepRequest axis(String input, double from, double to, double points) {
        return new SweepRequest(null, null, null, List.of(new SweepRequest.Axis(input, from, to, points)), null);
    }

    @Test
    void wholeHoursAndFourOrTwelvePeaksAreAccepted() {
        assertThat(grid(axis("SB6_CURTAILMENT_HOURS", 0, 100, 11)).axisValues().get(0)).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(grid(axis("COINCIDENT_PEAKS", 4, 12, 2)).axisValues().get(0)).containsExactly(4, 12);
    }

    @Test
    void otherValuesAreRefusedByField() {
        // 0, 3.33, 6.67, 10: not whole hours
        assertThatThrownBy(() -> grid(axis("SB6_CURTAILMENT_HOURS", 0, 10, 4))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).field()).isEqualTo("axes[0].points"))
                .hasMessageContaining("whole");
        // 4, 8, 12: 8 peaks is no setting
        assertThatThrownBy(() -> grid(axis("COINCIDENT_PEAKS", 4, 12, 3))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).reason()).contains("4 or 12"));
        assertThatThrownBy(() -> grid(axis("COINCIDENT_PEAKS", 2, 12, 2))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).field()).isEqualTo("axes[0].from"));
        SweepRequest tornado = new SweepRequest(null, null, null, List.of(new SweepRequest.Axis("ENERGY_PRICE_SCALE", 0.5, 1.5, 3.0)),
                new SweepRequest.Tornado(List.of("SB6_CURTAILMENT_HOURS"), 0.2));
        assertThatThrownBy(() -> grid(tornado)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).field()).isEqualTo("tornado.inputs[0]"));
    }
}
