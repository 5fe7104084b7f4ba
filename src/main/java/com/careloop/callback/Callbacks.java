package com.careloop.callback;

import com.careloop.callback.task.CallbackService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The callback module's service for the other modules (e.g. a survey response that asks for a callback).
 * Works without a signed-in user (listeners, jobs): the task is created by {@code system}.
 */
@Service
@Transactional
public class Callbacks {

    private final CallbackService service;

    Callbacks(CallbackService service) {
        this.service = service;
    }

    /** Schedules a callback task for a source once (idempotent on sourceType+sourceId); returns the task id. */
    public long schedule(ScheduleCallback cmd) {
        return service.schedule(cmd);
    }
}
