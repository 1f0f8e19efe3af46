package org.sanad.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.sanad.server.encryption.Sealed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.repository.Query;

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

    /**
     * Sealed columns hold ciphertext with a random nonce: a query predicate on one can only match
     * by leaking equality, so equality search goes through blind indexes only.
     */
    @ArchTest
    static final ArchRule noQueryOnASealedField = classes()
            .that()
            .areAssignableTo(org.springframework.data.repository.Repository.class)
            .should(new ArchCondition<JavaClass>("not query by a sealed field") {
                @Override
                public void check(JavaClass repository, ConditionEvents events) {
                    Set<String> sealed =
                            sealedFieldNames(repository.getPackage().getClasses());
                    for (JavaMethod method : repository.getMethods()) {
                        String derived = method.getName().contains("By")
                                ? method.getName().substring(method.getName().indexOf("By"))
                                : "";
                        String query = method.tryGetAnnotationOfType(Query.class)
                                .map(Query::value)
                                .orElse("")
                                .toLowerCase(Locale.ROOT);
                        for (String field : sealed) {
                            String capitalised = Character.toUpperCase(field.charAt(0)) + field.substring(1);
                            String column = field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
                            boolean derivedOnIt = derived.matches(".*(By|And|Or)" + capitalised + "([A-Z].*)?");
                            boolean queriesIt =
                                    query.matches(".*\\b(" + field.toLowerCase(Locale.ROOT) + "|" + column + ")\\b.*");
                            if (derivedOnIt || queriesIt) {
                                events.add(SimpleConditionEvent.violated(
                                        method, method.getFullName() + " queries the sealed field " + field));
                            }
                        }
                        if (method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Sealed.class))) {
                            events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " takes a sealed value as a query parameter"));
                        }
                    }
                }
            })
            .allowEmptyShould(true);

    static Set<String> sealedFieldNames(Set<JavaClass> classes) {
        Set<String> names = new HashSet<>();
        for (JavaClass type : classes) {
            for (JavaField field : type.getFields()) {
                if (field.getRawType().isEquivalentTo(Sealed.class)) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }

    /** Dependencies are constructor arguments: final, visible, and impossible to forget in a test. */
    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .orShould()
            .beAnnotatedWith(Value.class)
            .because("dependencies are constructor arguments")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noSetterInjection = noMethods()
            .should()
            .beAnnotatedWith(Autowired.class)
            .because("dependencies are constructor arguments")
            .allowEmptyShould(true);
}
