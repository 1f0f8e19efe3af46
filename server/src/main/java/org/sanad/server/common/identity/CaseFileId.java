package org.sanad.server.common.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a case file: a UUID that cannot be mistaken for the id of another kind of record. */
public record CaseFileId(@JsonValue UUID value) {

    public CaseFileId {
        Objects.requireNonNull(value, "CaseFileId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
