/** Small value types every module shares: governorates, pages, and (in {@code identity}) ids. */
@ApplicationModule(displayName = "Common", type = ApplicationModule.Type.OPEN)
package org.sanad.server.common;

import org.springframework.modulith.ApplicationModule;
