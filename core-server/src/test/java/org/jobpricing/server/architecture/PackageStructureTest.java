package org.jobpricing.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's packages as the README's layout describes them: no cycle, and a domain that does not speak HTTP. */
class PackageStructureTest {

    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jobpricing.server");
    }

    @Test
    void noImportCycleBetweenPackages() {
        slices().matching("org.jobpricing.server.(*)..")
                .should()
                .beFreeOfCycles()
                .check(server);
    }

    @Test
    void theDomainDoesNotSpeakHttp() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.jobpricing.server.core..",
                        "org.jobpricing.server.rules..",
                        "org.jobpricing.server.rulesets..",
                        "org.jobpricing.server.auth..",
                        "org.jobpricing.server.plugins..",
                        "org.jobpricing.server.structures..",
                        "org.jobpricing.server.postings..",
                        "org.jobpricing.server.employees..",
                        "org.jobpricing.server.reports..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ws.rs..",
                        "jakarta.servlet..",
                        "org.jobpricing.server.http..",
                        "org.jobpricing.server.resources..")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.jobpricing.server.errors..")
                .because("the domain throws failures.*; errors/ alone maps them to statuses")
                .check(server);
    }
}
