package org.sanad.server.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when PostgreSQL could lose acknowledged writes: an incident report that was
 * confirmed to a defender must survive a crash.
 */
@Component
class DatabaseDurabilityCheck implements InitializingBean {

    static final Map<String, String> REQUIRED =
            Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    private final JdbcTemplate jdbc;

    DatabaseDurabilityCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> unsafe = unsafeSettings(setting ->
                jdbc.queryForObject("select setting from pg_settings where name = ?", String.class, setting));
        if (!unsafe.isEmpty()) {
            throw new IllegalStateException("PostgreSQL durability is off (" + String.join(", ", unsafe)
                    + "); Sanad refuses to store records on it");
        }
    }

    static List<String> unsafeSettings(java.util.function.Function<String, String> current) {
        List<String> unsafe = new ArrayList<>();
        REQUIRED.forEach((name, expected) -> {
            if (!expected.equals(current.apply(name))) {
                unsafe.add(name);
            }
        });
        unsafe.sort(null);
        return unsafe;
    }
}
