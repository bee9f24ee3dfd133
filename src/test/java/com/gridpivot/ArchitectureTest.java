package com.gridpivot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.google.ortools.linearsolver.MPSolver;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The layering of the code base, checked on the compiled main classes. */
@AnalyzeClasses(packages = "com.gridpivot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final Set<String> CREATE = Set.of("makeNumVar", "makeVar", "makeIntVar", "makeBoolVar", "makeConstraint",
            "makeNumVarArray", "makeVarArray", "makeIntVarArray", "makeBoolVarArray");

    private static final DescribedPredicate<JavaMethodCall> CREATES_VARIABLE_OR_ROW =
            new DescribedPredicate<>("create an LP variable or row (MPSolver.make…)") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().isEquivalentTo(MPSolver.class) && CREATE.contains(call.getName());
                }
            };

    /** The LP kernel and its row groups are the only place where a model grows: builders compose the groups. */
    @ArchTest
    static final ArchRule onlyTheLpKernelCreatesVariablesAndRows = noClasses()
            .that().resideOutsideOfPackage("com.gridpivot.lp..")
            .should().callMethodWhere(CREATES_VARIABLE_OR_ROW)
            .because("variables and rows are created only by com.gridpivot.lp (kernel and row groups)");
}
