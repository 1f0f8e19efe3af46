/**
 * Safe retries of creating requests ({@code Idempotency-Key}, IETF httpapi draft): a retry gets
 * the first result and creates nothing twice. Stores no request or response body, only a keyed
 * fingerprint of the request and where its result lives.
 */
@ApplicationModule(
        displayName = "Idempotency",
        allowedDependencies = {"access", "web", "common"})
package org.sanad.server.idempotency;

import org.springframework.modulith.ApplicationModule;
