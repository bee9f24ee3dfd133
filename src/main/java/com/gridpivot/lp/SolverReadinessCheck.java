package com.gridpivot.lp;

import com.google.ortools.linearsolver.MPSolver;
import com.gridpivot.optimization.input.SolverKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the OR-Tools natives load and every offered backend solves max x + 2y s.t. x + y ≤ 1, x, y ≥ 0 to 2. */
@Readiness
@ApplicationScoped
public class SolverReadinessCheck implements HealthCheck {
    /** Loads the natives once at start-up, on the main thread, before any request or job needs them. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev) {
        OrToolsNatives.ensureLoaded();
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("lp-solver");
        try {
            OrToolsNatives.ensureLoaded();
            boolean ok = true;
            for (SolverKind kind : SolverKind.values()) {
                MPSolver s = MPSolver.createSolver(kind.name());
                if (s == null) {
                    builder.withData(kind.name(), "missing");
                    ok = false;
                    continue;
                }
                try {
                    // CLP mis-answers a model without rows, so the probe has one.
                    var x = s.makeNumVar(0, 10, "x");
                    var y = s.makeNumVar(0, 10, "y");
                    var row = s.makeConstraint(-MPSolver.infinity(), 1, "probe");
                    row.setCoefficient(x, 1);
                    row.setCoefficient(y, 1);
                    s.objective().setCoefficient(x, 1);
                    s.objective().setCoefficient(y, 2);
                    s.objective().setMaximization();
                    boolean solved = s.solve() == MPSolver.ResultStatus.OPTIMAL && Math.abs(s.objective().value() - 2) < 1e-6;
                    builder.withData(kind.name(), solved ? "ok" : "wrong answer");
                    ok &= solved;
                } finally {
                    s.delete();
                }
            }
            return builder.status(ok).build();
        } catch (Throwable t) {
            return builder.down().withData("error", String.valueOf(t.getMessage())).build();
        }
    }
}
