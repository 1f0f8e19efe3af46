package org.sanad.server.referrals;

enum ReferralService {
    LEGAL_REPRESENTATION,
    LEGAL_ADVICE,
    RELOCATION,
    PSYCHOSOCIAL,
    MEDICAL,
    DIGITAL_SECURITY,
    OTHER
}
