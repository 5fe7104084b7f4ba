package com.careloop.callback;

import org.springframework.stereotype.Service;

/** The callback module's public service for other modules. */
@Service
public class Callbacks {

    /** Schedules a callback task for a source once (idempotent on sourceType+sourceId); returns the task id. */
    public long schedule(ScheduleCallback cmd) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
