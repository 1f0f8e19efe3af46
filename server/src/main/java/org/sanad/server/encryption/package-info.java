/**
 * The Spring glue of the crypto library: the key-encryption key from its keystore, wrapped data
 * keys in PostgreSQL, and the one service through which sealed values are opened, which records
 * every disclosure in the access log first.
 */
@ApplicationModule(
        displayName = "Encryption",
        allowedDependencies = {"access", "audit", "web", "common"})
package org.sanad.server.encryption;

import org.springframework.modulith.ApplicationModule;
