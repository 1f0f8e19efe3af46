/**
 * Case files: the organisation's work for one defender, with linked incident reports, assignees,
 * a sealed legal summary and sealed notes. Only assignees read the content; supervisors see the
 * metadata of every case file of their organisation.
 */
@ApplicationModule(
        displayName = "Cases",
        allowedDependencies = {
            "access",
            "access.breakglass",
            "access.accounts",
            "audit",
            "encryption",
            "web",
            "common",
            "defenders",
            "incidents"
        })
package org.sanad.server.cases;

import org.springframework.modulith.ApplicationModule;
