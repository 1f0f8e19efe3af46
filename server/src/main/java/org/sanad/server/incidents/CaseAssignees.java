package org.sanad.server.incidents;

import java.util.Set;
import java.util.UUID;

/**
 * The assignees of a case file, which a linked report follows. Implemented by the case-file
 * module, so that this module does not depend on it.
 */
public interface CaseAssignees {

    Set<String> of(UUID caseFileId);
}
