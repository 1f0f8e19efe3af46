package org.sanad.server.incidents;

enum IncidentType {
    THREAT,
    HARASSMENT,
    SURVEILLANCE,
    DIGITAL_ATTACK,
    SMEAR_CAMPAIGN,
    ARREST,
    DETENTION,
    ABDUCTION,
    ASSAULT,
    LEGAL_HARASSMENT,
    RAID,
    OTHER
}
