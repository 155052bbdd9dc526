package org.jobpricing.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's packages as the README's layout describes them: no cycle, a domain that does not speak HTTP,
 * and services that reach the database through db/'s DAOs.
 */
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
        assertThat(server.size()).as("classes of the server imported").isGreaterThan(200);
        EvaluationResult cycles = slices().matching("org.jobpricing.server.(*)..")
                .should()
                .beFreeOfCycles()
                .evaluate(server);
        assertThat(cycles.getFailureReport().getDetails()).as("package cycles").isEmpty();
    }

    @Test
    void theDomainDoesNotSpeakHttp() {
        EvaluationResult http = noClasses()
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
                .evaluate(server);
        assertThat(http.getFailureReport().getDetails())
                .as("domain classes that speak HTTP")
                .isEmpty();
    }

    @Test
    void onlyDbAndTheWiringHoldAJdbi() {
        EvaluationResult jdbi = noClasses()
                .that()
                .resideOutsideOfPackages("org.jobpricing.server.db..", "org.jobpricing.server.cli.backup..")
                .and()
                .doNotHaveFullyQualifiedName("org.jobpricing.server.JobPricingContext")
                .and()
                .doNotHaveFullyQualifiedName("org.jobpricing.server.JobPricingApplication")
                .and()
                .doNotHaveFullyQualifiedName("org.jobpricing.server.cli.PriceCommand")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.jdbi.v3.core.Jdbi")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.jdbi.v3.core.Handle")
                .because("services take db/'s DAOs (jdbi.onDemand in the wiring) and the SQL lives in db/")
                .evaluate(server);
        assertThat(jdbi.getFailureReport().getDetails())
                .as("classes outside db/ and the wiring that hold a Jdbi or a Handle")
                .isEmpty();
    }
}
