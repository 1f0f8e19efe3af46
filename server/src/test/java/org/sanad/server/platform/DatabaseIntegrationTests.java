package org.sanad.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanad.server.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The server runs on a durable PostgreSQL as a role that owns nothing. */
@IntegrationTest
class DatabaseIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void serverConnectsAsApplicationRoleNotOwner() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("sanad_app");
    }

    @Test
    void applicationRoleCannotCreateOrDropTables() {
        assertThatThrownBy(() -> jdbc.execute("create table sanad.intruder (id int)"))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("drop table sanad.flyway_schema_history"))
                .rootCause()
                .hasMessageContaining("must be owner");
    }

    @Test
    void durabilitySettingsAreOn() {
        assertThat(DatabaseDurabilityCheck.unsafeSettings(name ->
                        jdbc.queryForObject("select setting from pg_settings where name = ?", String.class, name)))
                .isEmpty();
    }
}
