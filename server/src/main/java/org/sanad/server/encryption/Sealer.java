package org.sanad.server.encryption;

import org.sanad.crypto.EncryptionContext;

/** Seals a field value under its context; handed to the entity methods that change sealed fields. */
@FunctionalInterface
public interface Sealer {

    /** Seals a value; null stays null (an absent value). */
    Sealed seal(EncryptionContext context, String plaintext);
}
