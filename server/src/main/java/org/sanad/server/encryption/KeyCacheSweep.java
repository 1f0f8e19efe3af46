package org.sanad.server.encryption;

import java.util.concurrent.TimeUnit;
import org.sanad.crypto.Keyring;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Zeroes expired unwrapped keys every ten seconds: the cache also does it whenever it loads a
 * key, but a quiet server loads none and would keep them in memory past their time to live.
 */
@Component
class KeyCacheSweep {

    private final Keyring keyring;

    KeyCacheSweep(Keyring keyring) {
        this.keyring = keyring;
    }

    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
    void forgetExpiredKeys() {
        keyring.forgetExpiredKeys();
    }
}
