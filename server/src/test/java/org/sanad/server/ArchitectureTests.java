package org.sanad.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.sanad", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule nothingPrintsToStandardStreams = noClasses()
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .callMethod(Throwable.class, "printStackTrace")
            .because("personal data must not leak into unstructured output");

    @ArchTest
    static final ArchRule cryptoInternalsStayInsideCrypto = noClasses()
            .that()
            .resideOutsideOfPackage("org.sanad.crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.sanad.crypto.internal..")
            .because("the crypto library's public API is its handful of types");

    @ArchTest
    static final ArchRule repositoriesAreNotPublic = noClasses()
            .that()
            .areAssignableTo(org.springframework.data.repository.Repository.class)
            .should()
            .bePublic()
            .because("a module's data stays behind its service")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noFieldInjection = noClasses()
            .should()
            .beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
            .because("dependencies are constructor arguments");
}
