package org.sanad.server.incidents;

enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
