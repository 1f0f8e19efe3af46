package org.sanad.server.common.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a break-glass grant: a UUID that cannot be mistaken for the id of another kind of record. */
public record GrantId(@JsonValue UUID value) {

    public GrantId {
        Objects.requireNonNull(value, "GrantId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
