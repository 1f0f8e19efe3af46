package org.sanad.server.access.accounts;

import org.sanad.server.web.ProblemException;
import org.sanad.server.web.Problems;
import org.springframework.http.HttpStatus;

/** Keycloak's admin API could not be reached or refused the call. */
final class IdentityProviderUnavailable extends ProblemException {

    IdentityProviderUnavailable() {
        super(Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "identity-provider-unavailable",
                "The identity provider could not be reached; try again"));
    }
}
