package com.careloop.callback.task;

import com.careloop.platform.InvalidInputException;

import org.springframework.stereotype.Component;

/** Opens a CAPA (corrective and preventive action) from an unsatisfied callback. */
@Component
class CapaFollowUp {

    record Opened(long id, String code) {
    }

    Opened open(CallbackTask task, String description) {
        throw new InvalidInputException("followUp", "unavailable",
                "纠正预防措施模块尚未启用 / the CAPA module is not available yet");
    }
}
