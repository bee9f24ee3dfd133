package com.gridpivot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.ortools.linearsolver.MPSolver;
import com.gridpivot.api.Problem;
import com.gridpivot.archfixture.model.FixtureModel;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the production code, checked on its compiled classes (tests excluded). Each rule is one method
 * named after what it keeps true; each is also shown to fail on a small fixture that breaks it.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.gridpivot");
    }

    /**
     * Rule: no class outside {@code com.gridpivot.api..} depends on (imports, calls, extends, names in a signature or
     * annotation) any class in {@code com.gridpivot.api..}. The domain owns its inputs (each feature's {@code input}
     * package) and its errors ({@code com.gridpivot.errors}); the api layer maps them to HTTP.
     */
    static ArchRule nothingOutsideApiDependsOnApiRule() {
        return noClasses().that().resideOutsideOfPackage("com.gridpivot.api..")
                .should().dependOnClassesThat().resideInAPackage("com.gridpivot.api..")
                .because("the domain must not know the HTTP layer; resources map requests to domain inputs");
    }

    /**
     * Rule "resources hold no arithmetic": a class annotated {@code resource} ({@link Path} in production: a REST
     * resource) uses nothing of (calls no method, reads no constant of) {@code java.lang.Math} or
     * {@code java.lang.StrictMath}, and depends on no class in a model, LP or solve package
     * ({@code com.gridpivot..model..}, {@code com.gridpivot.lp..}, {@code com.gridpivot..solve..}). Formulas live in the
     * domain (engines, result builders); a resource parses, delegates and maps.
     */
    static ArchRule resourcesHoldNoArithmeticRule(Class<? extends Annotation> resource) {
        return noClasses().that().areAnnotatedWith(resource)
                .should().dependOnClassesThat().belongToAnyOf(Math.class, StrictMath.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("com.gridpivot..model..", "com.gridpivot.lp..",
                        "com.gridpivot..solve..")
                .because("a resource delegates formulas to the domain and neither builds nor solves an LP");
    }

    private static final Set<String> CREATE = Set.of("makeNumVar", "makeVar", "makeIntVar", "makeBoolVar", "makeConstraint",
            "makeNumVarArray", "makeVarArray", "makeIntVarArray", "makeBoolVarArray");

    private static final DescribedPredicate<JavaMethodCall> CREATES_VARIABLE_OR_ROW =
            new DescribedPredicate<>("create an LP variable or row (MPSolver.make…)") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().isEquivalentTo(MPSolver.class) && CREATE.contains(call.getName());
                }
            };

    /**
     * Rule: the LP kernel and its row groups ({@code com.gridpivot.lp..}) are the only place where a model grows;
     * builders compose the groups.
     */
    static ArchRule onlyTheLpKernelCreatesVariablesAndRowsRule() {
        return noClasses().that().resideOutsideOfPackage("com.gridpivot.lp..")
                .should().callMethodWhere(CREATES_VARIABLE_OR_ROW)
                .because("variables and rows are created only by com.gridpivot.lp (kernel and row groups)");
    }

    @Test
    void onlyTheLpKernelCreatesVariablesAndRows() {
        onlyTheLpKernelCreatesVariablesAndRowsRule().check(main);
    }

    @Test
    void nothingOutsideApiDependsOnApi() {
        nothingOutsideApiDependsOnApiRule().check(main);
    }

    @Test
    void resourcesHoldNoArithmetic() {
        resourcesHoldNoArithmeticRule(Path.class).check(main);
    }

    @Test
    void theRulesCatchAViolation() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(DomainNamingAnApiType.class, Problem.class,
                ResourceWithMath.class, ResourceWithAModel.class, FixtureResource.class, FixtureModel.class);
        assertThatThrownBy(() -> nothingOutsideApiDependsOnApiRule().check(fixtures)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(DomainNamingAnApiType.class.getName());
        assertThatThrownBy(() -> resourcesHoldNoArithmeticRule(FixtureResource.class).check(fixtures)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(ResourceWithMath.class.getName()).hasMessageContaining(ResourceWithAModel.class.getName());
    }

    /** Marks the fixtures below as resources (a real {@link Path} in test sources would become part of the test app). */
    @Retention(RetentionPolicy.RUNTIME)
    @interface FixtureResource {
    }

    /** Outside api, names an api type. */
    static final class DomainNamingAnApiType {
        String type(Problem p) {
            return p.type();
        }
    }

    @FixtureResource
    static final class ResourceWithMath {
        double capped(double mw) {
            return Math.min(mw, 100.0);
        }
    }

    @FixtureResource
    static final class ResourceWithAModel {
        int rows() {
            return FixtureModel.rows();
        }
    }
}
