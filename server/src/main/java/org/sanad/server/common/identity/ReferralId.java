package org.sanad.server.common.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a referral: a UUID that cannot be mistaken for the id of another kind of record. */
public record ReferralId(@JsonValue UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "ReferralId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
