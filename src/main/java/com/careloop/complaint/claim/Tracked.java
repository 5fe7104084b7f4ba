package com.careloop.complaint.claim;

import com.careloop.platform.Auditable;

/** A numbered, versioned, audited record with a timeline (claim, return slip, advance compensation). */
public interface Tracked extends Auditable {

    Long getId();

    String getCode();

    long getVersion();

    /** Called with the time of every step. */
    void touch(java.time.Instant now);
}
