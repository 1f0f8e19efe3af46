package org.sanad.server.cases;

/** OPEN → ACTIVE → CLOSED; a closed case file may be reopened (recorded in its history). */
public enum CaseStatus {
    OPEN,
    ACTIVE,
    CLOSED
}
