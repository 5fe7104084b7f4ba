package com.careloop.callback.task;

import com.careloop.capa.CapaSources;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.OpenCapa;

import org.springframework.stereotype.Component;

/** Opens a CAPA (corrective and preventive action, SPEC §10) from an unsatisfied callback, in the caller's transaction. */
@Component
class CapaFollowUp {

    record Opened(long id, String code) {
    }

    private final CorrectiveActions capas;

    CapaFollowUp(CorrectiveActions capas) {
        this.capas = capas;
    }

    Opened open(CallbackTask task, String problem) {
        var ref = capas.open(new OpenCapa(CapaSources.CALLBACK, task.getId(), null, task.getCode(), problem,
                task.getCustomerId(), null, false));
        return new Opened(ref.id(), ref.code());
    }
}
