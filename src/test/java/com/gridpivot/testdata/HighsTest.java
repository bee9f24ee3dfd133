package com.gridpivot.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The cross-checks fail, never skip, when a script of theirs is broken. */
class HighsTest {
    @Test
    void aScriptWithABrokenImportFailsTheTestInsteadOfSkippingIt() throws Exception {
        Highs.requirePython();
        Path script = Files.createTempFile("broken_crosscheck", ".py");
        Files.writeString(script, "import numpy\nimport crosscheck_module_that_does_not_exist\nprint('{}')\n");
        Path input = Files.createTempFile("input", ".json");
        Files.writeString(input, "{}");
        assertThatThrownBy(() -> Highs.run(script.toString(), input))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No module named 'crosscheck_module_that_does_not_exist'");
    }

    @Test
    void aWorkingScriptAnswersItsLastLineAsJson() throws Exception {
        Highs.requirePython();
        Path script = Files.createTempFile("ok_crosscheck", ".py");
        Files.writeString(script, "import scipy.optimize\nprint('log line')\nprint('{\"status\": \"OPTIMAL\", \"objective\": 2.5}')\n");
        Path input = Files.createTempFile("input", ".json");
        assertThat(Highs.run(script.toString(), input).get("objective").asDouble()).isEqualTo(2.5);
    }
}
