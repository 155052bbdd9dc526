package org.jobpricing.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** Whatever H2 URL is configured, the pool's connections commit to the file at once (WRITE_DELAY 0). */
class H2DurabilityTest {

    static DataSourceFactory factory(String url, Map<String, String> properties) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl(url);
        factory.setUser("sa");
        factory.setPassword("");
        factory.setProperties(properties);
        return factory;
    }

    /** The database's WRITE_DELAY as the pool's connections see it. */
    static String writeDelay(DataSourceFactory factory) throws Exception {
        ManagedDataSource pool = factory.build(new MetricRegistry(), "test");
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        } finally {
            pool.stop();
        }
    }

    @Test
    void aPlainH2UrlGetsNoWriteDelayWhileUntouchedItHasH2sDefault() throws Exception {
        String url = TestDatabases.h2().url();
        assertThat(writeDelay(factory(url, Map.of("charSet", "UTF-8"))))
                .as("H2's default")
                .isEqualTo("500");

        DataSourceFactory durable = H2Durability.apply(factory(url, Map.of("charSet", "UTF-8")));

        assertThat(durable.getProperties()).containsEntry("WRITE_DELAY", "0").containsEntry("charSet", "UTF-8");
        assertThat(writeDelay(durable)).isEqualTo("0");
    }

    @Test
    void aUrlWithOtherSettingsOrAlreadyAskingForNoDelayWorks() throws Exception {
        String url = TestDatabases.h2().url();
        assertThat(writeDelay(H2Durability.apply(factory(url + ";MODE=PostgreSQL;write_delay=0", Map.of()))))
                .isEqualTo("0");
        DataSourceFactory lowerCaseKey = H2Durability.apply(factory(url, Map.of("write_delay", "0")));
        assertThat(lowerCaseKey.getProperties()).containsOnlyKeys("WRITE_DELAY");
        assertThat(writeDelay(lowerCaseKey)).isEqualTo("0");
        assertThat(writeDelay(H2Durability.apply(factory("jdbc:h2:mem:durability-test", Map.of()))))
                .isEqualTo("0");
    }

    @Test
    void aConfiguredDelayIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> H2Durability.apply(factory("jdbc:h2:./data/x;WRITE_DELAY=500", Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("database.url sets WRITE_DELAY=500: H2 would then write a commit to its file");
        assertThatThrownBy(() -> H2Durability.apply(factory("jdbc:h2:./data/x", Map.of("Write_Delay", "100"))))
                .hasMessageStartingWith("database.properties sets Write_Delay: 100");
    }

    @Test
    void theServerRefusesToStartOnAnH2UrlThatAsksForADelay() {
        TestDatabases.Db delayed =
                new TestDatabases.Db("org.h2.Driver", TestDatabases.h2().url() + ";WRITE_DELAY=500", "sa", "");
        DropwizardAppExtension<JobPricingConfiguration> app =
                TestApps.app(delayed, "plugins.refreshOnStartup", "false");
        try {
            assertThatThrownBy(app::before).hasStackTraceContaining("database.url sets WRITE_DELAY=500: H2 would then");
        } finally {
            app.after();
        }
    }

    @Test
    void otherDatabasesAreLeftAsConfigured() {
        DataSourceFactory postgres = factory("jdbc:postgresql://127.0.0.1:5432/x", Map.of("charSet", "UTF-8"));
        assertThat(H2Durability.apply(postgres).getProperties()).containsOnlyKeys("charSet");
    }
}
