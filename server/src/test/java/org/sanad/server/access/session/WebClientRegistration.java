package org.sanad.server.access.session;

import java.util.List;
import org.keycloak.representations.idm.ClientRepresentation;
import org.sanad.infra.keycloak.SanadRealm;
import org.sanad.infra.testing.TestKeycloak;

/**
 * Points Keycloak's browser client at the server under test, whose port is random: the exact
 * redirect, the home page after sign-out and the back-channel logout address, as the realm
 * definition writes them for a server's address.
 */
final class WebClientRegistration {

    /** The port Keycloak's client points at already: the server runs once per test run. */
    private static int registered;

    private WebClientRegistration() {}

    static synchronized void pointAt(int port) {
        if (port == registered) {
            return;
        }
        String base = "http://localhost:" + port;
        var clients = TestKeycloak.sanad().clients();
        ClientRepresentation client =
                clients.findByClientId(SanadRealm.WEB_CLIENT).getFirst();
        client.setRootUrl(base);
        client.setBaseUrl(base + "/");
        client.setRedirectUris(List.of(base + "/login/oauth2/code/" + SanadRealm.WEB_REGISTRATION));
        client.getAttributes().put("post.logout.redirect.uris", base + "/");
        client.getAttributes()
                .put("backchannel.logout.url", base + "/logout/connect/back-channel/" + SanadRealm.WEB_REGISTRATION);
        clients.get(client.getId()).update(client);
        registered = port;
    }
}
