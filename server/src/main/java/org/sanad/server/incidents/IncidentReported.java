package org.sanad.server.incidents;

import java.time.Instant;
import java.util.UUID;

/** A report reached the intake of an organisation. */
public record IncidentReported(UUID incidentId, String organisation, Instant at) {}
