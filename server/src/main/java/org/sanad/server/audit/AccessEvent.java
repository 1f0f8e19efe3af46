package org.sanad.server.audit;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One read, search, export, history read, break-glass or lockdown, as the access log records it.
 * It names records and fields, never values.
 *
 * @param action what kind of access
 * @param recordType the logical entity ({@code defender}, {@code case-file}, ...), or the kind of search
 * @param recordId the record, or null for a search
 * @param fields the sealed fields disclosed (names only)
 * @param purpose why, in the caller's role (e.g. {@code casework}, {@code self}, {@code referral})
 */
public record AccessEvent(Action action, String recordType, UUID recordId, List<String> fields, String purpose) {

    public AccessEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(purpose, "purpose");
        fields = List.copyOf(fields);
    }

    public enum Action {
        READ,
        SEARCH,
        HISTORY,
        EXPORT,
        BREAK_GLASS,
        LOCKDOWN,
        ERASURE,
        /** A supervisor read the access log, the revisions or the anomalies of their organisation. */
        AUDIT
    }
}
