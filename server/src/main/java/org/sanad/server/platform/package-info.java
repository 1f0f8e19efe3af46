/**
 * Start-up checks of the ground Sanad stands on: a database that does not promise durability
 * must not receive case records, so the server refuses to start on one.
 */
@ApplicationModule(displayName = "Platform")
package org.sanad.server.platform;

import org.springframework.modulith.ApplicationModule;
