package org.sanad.server.incidents;

public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
