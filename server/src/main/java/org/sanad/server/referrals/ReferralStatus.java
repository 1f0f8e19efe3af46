package org.sanad.server.referrals;

/** PENDING → ACCEPTED or DECLINED → CLOSED; WITHDRAWN by the sender; EXPIRED past the expiry date. */
enum ReferralStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    CLOSED,
    WITHDRAWN,
    EXPIRED
}
