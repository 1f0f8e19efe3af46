/** Small value types every module shares: application-assigned ids. */
@ApplicationModule(displayName = "Common", type = ApplicationModule.Type.OPEN)
package org.sanad.server.common;

import org.springframework.modulith.ApplicationModule;
