package org.sanad.server.encryption;

import java.util.Objects;
import org.sanad.crypto.EncryptionContext;

/**
 * A sealed value together with the context it was sealed under, as an entity hands it out for
 * opening.
 *
 * @param name the field's API name
 * @param value the ciphertext, or null when the field is empty
 * @param context the context bound to the ciphertext
 */
public record SealedField(String name, Sealed value, EncryptionContext context) {

    public SealedField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(context, "context");
    }
}
