package org.sanad.server.defenders;

enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
