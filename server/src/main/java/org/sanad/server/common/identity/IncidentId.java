package org.sanad.server.common.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a incident report: a UUID that cannot be mistaken for the id of another kind of record. */
public record IncidentId(@JsonValue UUID value) {

    public IncidentId {
        Objects.requireNonNull(value, "IncidentId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
