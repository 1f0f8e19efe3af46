package org.sanad.server.incidents;

/** RECEIVED → TRIAGED → LINKED (to a case file) or CLOSED. */
enum IncidentStatus {
    RECEIVED,
    TRIAGED,
    LINKED,
    CLOSED
}
