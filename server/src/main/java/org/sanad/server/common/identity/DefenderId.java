package org.sanad.server.common.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a defender: a UUID that cannot be mistaken for the id of another kind of record. */
public record DefenderId(@JsonValue UUID value) {

    public DefenderId {
        Objects.requireNonNull(value, "DefenderId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
