package org.sanad.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The injection rules of {@link ArchitectureTests} catch what they are meant to catch. */
class InjectionRulesTests {

    static class FieldInjected {
        @Autowired
        Object dependency;
    }

    static class ValueInjected {
        @Value("${sanad.anything}")
        String setting;
    }

    static class SetterInjected {
        @Autowired
        void setDependency(Object dependency) {}
    }

    static class ConstructorInjected {
        private final Object dependency;

        ConstructorInjected(Object dependency) {
            this.dependency = dependency;
        }
    }

    @Test
    void anAutowiredFieldBreaksTheRule() {
        assertThatThrownBy(() -> ArchitectureTests.noFieldInjection.check(classes(FieldInjected.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dependency");
    }

    @Test
    void aValueFieldBreaksTheRule() {
        assertThatThrownBy(() -> ArchitectureTests.noFieldInjection.check(classes(ValueInjected.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("setting");
    }

    @Test
    void anAutowiredSetterBreaksTheRule() {
        assertThatThrownBy(() -> ArchitectureTests.noSetterInjection.check(classes(SetterInjected.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("setDependency");
    }

    @Test
    void constructorInjectionKeepsTheRules() {
        JavaClasses constructorOnly = classes(ConstructorInjected.class);
        assertThatCode(() -> ArchitectureTests.noFieldInjection.check(constructorOnly))
                .doesNotThrowAnyException();
        assertThatCode(() -> ArchitectureTests.noSetterInjection.check(constructorOnly))
                .doesNotThrowAnyException();
    }

    private static JavaClasses classes(Class<?> type) {
        return new ClassFileImporter().importClasses(type);
    }
}
