package com.gridpivot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the production code, checked on its compiled classes (tests excluded). Each rule is one method
 * named after what it keeps true.
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
    @Test
    void nothingOutsideApiDependsOnApi() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("com.gridpivot.api..")
                .should().dependOnClassesThat().resideInAPackage("com.gridpivot.api..")
                .because("the domain must not know the HTTP layer; resources map requests to domain inputs");
        rule.check(main);
    }

    /**
     * Rule "resources hold no arithmetic": a class annotated {@link Path} (a REST resource) uses nothing of (calls no method,
     * reads no constant of) {@code java.lang.Math} or {@code java.lang.StrictMath}, and depends on no class in a model, LP or solve package
     * ({@code com.gridpivot..model..}, {@code com.gridpivot.lp..}, {@code com.gridpivot..solve..}). Formulas live in the
     * domain (engines, result builders); a resource parses, delegates and maps.
     */
    @Test
    void resourcesHoldNoArithmetic() {
        ArchRule noMath = noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().belongToAnyOf(Math.class, StrictMath.class)
                .because("a resource delegates formulas to the domain");
        ArchRule noModel = noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAnyPackage("com.gridpivot..model..", "com.gridpivot.lp..",
                        "com.gridpivot..solve..")
                .because("a resource neither builds nor solves an LP");
        noMath.check(main);
        noModel.check(main);
    }
}
