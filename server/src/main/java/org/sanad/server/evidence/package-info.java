/**
 * Evidence files attached to incident reports and case files: uploaded in resumable parts,
 * encrypted as they stream under the defender's key, kept byte for byte as the original, with a
 * working copy stripped of location, device and author metadata. Every upload, view, download,
 * derivation and export is on the access log; a case file's evidence exports as a signed bundle
 * that needs no Sanad software to verify.
 */
@ApplicationModule(
        displayName = "Evidence",
        allowedDependencies = {
            "access",
            "access.breakglass",
            "audit",
            "audit.chain",
            "encryption",
            "web",
            "common",
            "defenders",
            "incidents",
            "cases",
            "referrals"
        })
package org.sanad.server.evidence;

import org.springframework.modulith.ApplicationModule;
