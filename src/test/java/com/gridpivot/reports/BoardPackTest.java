package com.gridpivot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.result.PlanResult.MonthRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board pack's words, money format, sums by year and chart scales, by hand (no Quarkus, no PDF). */
class BoardPackTest {
    static PlanResult plan(String name, String status, Double npv, Double stay, String lowestMonth, Double lowest) {
        return new PlanResult.Builder(name, status, "EXACT_BLOCKS", null)
                .npv(npv, stay, npv == null || stay == null ? null : npv - stay).lowestCash(lowestMonth, lowest).build();
    }

    @Test
    void theAnswerNamesTheBestPlanItsNpvAgainstStayingOnBitcoinAndTheLowestCash() {
        List<PlanResult> plans = List.of(plan("optimized", "OPTIMAL", 1_572_000.0, 864_000.0, "2026-01", 297_600.0),
                plan("stay on Bitcoin", "OPTIMAL", 864_000.0, 864_000.0, "2026-01", 297_600.0),
                plan("convert 10 MW", "OPTIMAL", 1_416_000.0, 864_000.0, "2026-01", 0.0),
                plan("broken", "INFEASIBLE", null, null, null, null));
        // 1,572,000 − 864,000 = 708,000
        assertThat(BoardPack.answer(plans)).isEqualTo("Recommended: the optimizer's plan (\"optimized\"), with an NPV of $1,572,000, "
                + "$708,000 more than staying on Bitcoin ($864,000). Its cash is lowest in 2026-01, at $297,600.");
        // a fixed plan worse than staying: the difference is said as "less", its magnitude 864,000 − 800,000 = 64,000
        assertThat(BoardPack.answer(List.of(plan("convert all", "FEASIBLE", 800_000.0, 864_000.0, "2027-03", -1_250_000.4))))
                .isEqualTo("Recommended: \"convert all\", with an NPV of $800,000, $64,000 less than staying on Bitcoin ($864,000). "
                        + "Its cash is lowest in 2027-03, at -$1,250,000.");
        assertThat(BoardPack.answer(List.of(plan("broken", "INFEASIBLE", null, null, null, null)))).startsWith("No plan could be computed");
    }

    @Test
    void moneyIsWholeDollarsWithTheSignBeforeTheDollar() {
        assertThat(BoardPack.usd(41_250_000.0)).isEqualTo("$41,250,000");
        assertThat(BoardPack.usd(-1_200_000.5)).isEqualTo("-$1,200,000");
        assertThat(BoardPack.usd(-0.4)).isEqualTo("$0");
        assertThat(BoardPack.usd(null)).isEqualTo("-");
        assertThat(BoardPack.compact(1_500_000)).isEqualTo("1.5M");
        assertThat(BoardPack.compact(-250_000)).isEqualTo("-250k");
        assertThat(BoardPack.compact(37.5)).isEqualTo("37.5");
        assertThat(BoardPack.plain(1.25864590119494e14)).isEqualTo("125864590119494");
    }

    @Test
    void aYearSumsItsMonthsCashFlowsAndEndsOnItsLastMonthsCumulativeCash() {
        List<MonthRow> rows = List.of(new MonthRow.Builder("2026-11").cash(10, 110, null, 1).build(),
                new MonthRow.Builder("2026-12").cash(20, 130, null, 1).build(),
                new MonthRow.Builder("2027-01").cash(-5, 125, null, 1).build());
        assertThat(BoardPack.yearCash(rows, "2026")).isEqualTo(new BoardPack.YearCash(30, 130));
        assertThat(BoardPack.yearCash(rows, "2027")).isEqualTo(new BoardPack.YearCash(-5, 125));
    }

    @Test
    void debtIsTheCreditLineDrawnAtEachMonthsEnd() {
        // cumulative cash 110, −40, −125.5 → drawn 0, 40, 125.5 (max(0, −cash))
        List<MonthRow> rows = List.of(new MonthRow.Builder("2026-11").cash(10, 110, null, 1).build(),
                new MonthRow.Builder("2026-12").cash(-150, -40, null, 1).build(),
                new MonthRow.Builder("2027-01").cash(-85.5, -125.5, null, 1).build());
        assertThat(BoardPack.debtUsd(rows)).containsExactly(0.0, 40.0, 125.5);
    }

    @Test
    void chartScalesAreFourRoundStepsCoveringTheValues() {
        // (1,572,000 − 0) / 4 = 393,000 → step 500,000 → 0 … 2,000,000
        assertThat(SvgCharts.nice(0, 1_572_000)).containsExactly(0, 2_000_000);
        // (1000 − (−250)) / 4 = 312.5 → step 500 → −500 … 1500
        assertThat(SvgCharts.nice(-250, 1000)).containsExactly(-500, 1500);
    }

    @Test
    void textIsEscapedAndKeptToTheStandardFonts() {
        assertThat(Html.escape("a < b \u2212 c \u2192 \"d\" & \u4e2d")).isEqualTo("a &lt; b - c -&gt; &quot;d&quot; &amp; ?");
        String svg = SvgCharts.lines(List.of("2026-01", "2026-02"), List.of(new SvgCharts.Series("x<y", List.of(1.0, 2.0))), "cash (USD)");
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>").contains("x&lt;y")
                .contains("<polyline").doesNotContain("NaN");
    }
}
