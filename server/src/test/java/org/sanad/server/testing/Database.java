package org.sanad.server.testing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The test run's database as its superuser: what a thief of the database, or a hostile DBA, sees
 * and can do, bypassing the server.
 */
public final class Database {

    private Database() {}

    public static JdbcTemplate asSuperuser() {
        var dataSource = new DriverManagerDataSource(
                System.getenv("SANAD_DB_URL"), "postgres", System.getenv("SANAD_DB_SUPERUSER_PASSWORD"));
        var jdbc = new JdbcTemplate(dataSource);
        return jdbc;
    }

    public static long count(String table) {
        return asSuperuser().queryForObject("select count(*) from sanad." + table, Long.class);
    }
}
