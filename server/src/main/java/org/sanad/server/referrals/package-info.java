/**
 * Referrals of a defender to another organisation's services, with the defender's recorded
 * consent. The receiving side reads exactly the fields the referral shares, only while it is live
 * (pending or accepted, not expired, not withdrawn).
 */
@ApplicationModule(
        displayName = "Referrals",
        allowedDependencies = {
            "access",
            "access.breakglass",
            "audit",
            "encryption",
            "web",
            "common",
            "defenders",
            "incidents",
            "cases"
        })
package org.sanad.server.referrals;

import org.springframework.modulith.ApplicationModule;
