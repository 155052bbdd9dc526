package org.jobpricing.server.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** JDBC URLs of PostgreSQL turned into pg_dump/pg_restore options. */
class PgUrlTest {

    @Test
    void hostPortAndDatabaseBecomeOptionsWithoutThePassword() {
        PgUrl url =
                PgUrl.parse("jdbc:postgresql://db.internal:6543/jobpricing?password=hunter2&sslmode=require", Map.of());

        assertThat(url.connectionArgs("pricing"))
                .containsExactly(
                        "--host=db.internal",
                        "--port=6543",
                        "--username=pricing",
                        "--dbname=jobpricing",
                        "--no-password");
        assertThat(url.param("password")).contains("hunter2");
        assertThat(url.environment()).containsExactly(Map.entry("PGSSLMODE", "require"));
        assertThat(url.describe()).isEqualTo("PostgreSQL database jobpricing on db.internal:6543");
        assertThat(url.toString()).doesNotContain("hunter2");
    }

    @Test
    void defaultsShortFormsIpv6AndSeveralHosts() {
        assertThat(PgUrl.parse("jdbc:postgresql:pricing", Map.of()).connectionArgs(""))
                .containsExactly("--host=localhost", "--port=5432", "--dbname=pricing", "--no-password");
        assertThat(PgUrl.parse("jdbc:postgresql://h1/pricing", Map.of()).ports())
                .containsExactly("5432");
        PgUrl many = PgUrl.parse("jdbc:postgresql://h1:5433,[::1]:5434,h3/pricing", Map.of());
        assertThat(many.hosts()).containsExactly("h1", "::1", "h3");
        assertThat(many.ports()).containsExactly("5433", "5434", "5432");
        assertThat(many.toJdbcUrl()).isEqualTo("jdbc:postgresql://h1:5433,[::1]:5434,h3:5432/pricing");
    }

    @Test
    void anotherDatabaseKeepsServerAndQuery() {
        PgUrl url = PgUrl.parse("jdbc:postgresql://127.0.0.1:5432/live?ApplicationName=jp&sslmode=disable", Map.of());

        assertThat(url.withDatabase("jobpricing_verify_0123456789ab").toJdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/jobpricing_verify_0123456789ab?ApplicationName=jp"
                        + "&sslmode=disable");
    }

    @Test
    void urlParametersWinOverDatasourcePropertiesAsInTheDriver() {
        PgUrl url = PgUrl.parse(
                "jdbc:postgresql://h/db?ssl=true&user=url_user",
                Map.of("user", "property_user", "sslrootcert", "/etc/ca.pem", "connectTimeout", "5"));

        assertThat(url.param("user")).contains("url_user");
        assertThat(url.environment())
                .containsOnly(
                        Map.entry("PGSSLMODE", "verify-full"),
                        Map.entry("PGSSLROOTCERT", "/etc/ca.pem"),
                        Map.entry("PGCONNECT_TIMEOUT", "5"));
    }

    @Test
    void aUrlWithoutADatabaseIsRefused() {
        assertThatThrownBy(() -> PgUrl.parse("jdbc:postgresql://h:5432/", Map.of()))
                .isInstanceOf(BackupException.class)
                .hasMessage("database.url names no database; use jdbc:postgresql://host:port/database");
    }
}
