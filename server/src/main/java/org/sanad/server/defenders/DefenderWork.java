package org.sanad.server.defenders;

import java.util.UUID;

/**
 * Tells whether a staff member works with a defender. Implemented by the modules that know it
 * (incident reports claimed, case files assigned), so that this module depends on none of them.
 */
public interface DefenderWork {

    boolean worksWith(String subject, UUID defenderId);
}
