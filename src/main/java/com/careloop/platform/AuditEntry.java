package com.careloop.platform;

import java.time.Instant;
import java.util.List;

/** One entry of the append-only audit trail. */
public record AuditEntry(long id, String recordType, String recordId, String action, String actor,
                         Instant occurredAt, List<FieldChange> changes) {
}
