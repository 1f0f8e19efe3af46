package org.sanad.server.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that call the running server over HTTP: its port, a client for it, and the
 * builder of the usual scenarios (a defender with a report, a case file, a referral).
 */
@IntegrationTest
public abstract class ServerTest {

    @LocalServerPort
    protected int port;

    protected Api api;
    protected Scenarios scenarios;

    @BeforeEach
    void connect() {
        api = new Api(port);
        scenarios = new Scenarios(api);
    }
}
