package org.sanad.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseDurabilityCheckTests {

    @Test
    void durableDatabasePasses() {
        assertThat(DatabaseDurabilityCheck.unsafeSettings(name -> "on")).isEmpty();
    }

    @Test
    void everySettingThatIsOffIsNamed() {
        var settings = Map.of("fsync", "off", "synchronous_commit", "local", "full_page_writes", "on");

        assertThat(DatabaseDurabilityCheck.unsafeSettings(settings::get))
                .containsExactly("fsync", "synchronous_commit");
    }
}
