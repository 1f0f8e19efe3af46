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

    /**
     * A superuser session whose statements bypass triggers, the append-only ones included: for
     * tests that play a tampering superuser, or that move a record back in time.
     */
    public static JdbcTemplate asSuperuserBypassingTriggers() {
        var jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                System.getenv("SANAD_DB_URL"), "postgres", System.getenv("SANAD_DB_SUPERUSER_PASSWORD"), true));
        jdbc.execute("set session_replication_role = replica");
        return jdbc;
    }

    public static long count(String table) {
        return asSuperuser().queryForObject("select count(*) from sanad." + table, Long.class);
    }
}
