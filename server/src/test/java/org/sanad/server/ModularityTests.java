package org.sanad.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.transaction.event.TransactionalEventListener;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SanadApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.sanad.server");

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        MODULES.verify();
    }

    /** An event nobody consumes is a state change that silently does nothing. */
    @Test
    void everyPublishedEventHasAListener() {
        Set<String> published = new TreeSet<>();
        Set<String> listenedTo = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            for (JavaMethod method : type.getMethods()) {
                if (registersOrPublishes(method)) {
                    method.getConstructorCallsFromSelf().stream()
                            .map(call -> call.getTargetOwner())
                            .filter(JavaClass::isRecord)
                            .forEach(event -> published.add(event.getName()));
                }
                if (method.isAnnotatedWith(EventListener.class)
                        || method.isAnnotatedWith(TransactionalEventListener.class)) {
                    method.getRawParameterTypes().forEach(event -> listenedTo.add(event.getName()));
                }
            }
        }

        assertThat(published)
                .as("the events the entities register")
                .contains(
                        "org.sanad.server.defenders.DefenderWorkChanged",
                        "org.sanad.server.access.accounts.AccountLockedDown");
        assertThat(listenedTo).containsAll(published);
    }

    /** An entity's {@code registerEvent(new X(…))} or a service's {@code publishEvent(new X(…))}. */
    static boolean registersOrPublishes(JavaMethod method) {
        return method.getMethodCallsFromSelf().stream()
                .anyMatch(call ->
                        call.getName().equals("registerEvent") || call.getName().equals("publishEvent"));
    }

    /**
     * The module canvases and the component diagrams in {@code docs/modules}, written anew on every
     * build so that a change to the modules shows in the diff of the documentation too.
     */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .allSatisfy(id -> assertThat(new java.io.File("../docs/modules/module-" + id + ".puml"))
                        .exists());
    }
}
