package com.careloop.platform;

import java.util.Map;

/**
 * A business record whose changes the audit trail records field by field: the trail compares the
 * state before and after a change.
 */
public interface Auditable {

    String auditType();

    String auditId();

    /** The fields worth recording, by name, as they are now. */
    Map<String, Object> auditState();
}
