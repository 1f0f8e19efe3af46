package org.sanad.server.defenders;

import java.time.Instant;
import java.util.UUID;

/** A defender profile was created. */
public record DefenderRegistered(UUID defenderId, String organisation, Instant at) {}
