package com.careloop.callback.task;

import java.util.List;

import com.careloop.customer.CustomerDirectory;
import com.careloop.callback.CallbackCommands.Complete;
import com.careloop.callback.CallbackCommands.CreateTask;
import com.careloop.callback.CallbackCommands.NotReached;
import com.careloop.callback.CallbackMethod;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.SignedInAs;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only, once (while there are no callback tasks): the daily generation for today (warranties
 * ending soon, the key-customer sample) and a handful of manual tasks on the demo customers — two open, one
 * not reached once, two done — created through the service as the administrator, so they are audited.
 */
@Component
@Order(60)
class CallbackDemoData implements ApplicationRunner {

    private final CareLoopProperties properties;
    private final CallbackService callbacks;
    private final CallbackGeneration generation;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SignedInAs signedIn;
    private final CustomerDirectory customerDirectory;

    CallbackDemoData(CareLoopProperties properties, CallbackService callbacks, CallbackGeneration generation,
                     JdbcClient jdbc, TransactionTemplate tx, SignedInAs signedIn,
                     CustomerDirectory customerDirectory) {
        this.properties = properties;
        this.callbacks = callbacks;
        this.generation = generation;
        this.jdbc = jdbc;
        this.tx = tx;
        this.signedIn = signedIn;
        this.customerDirectory = customerDirectory;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the demo requests' callbacks before close (recorded on the request page, covers_round set) do not count
        if (!properties.demoData() || jdbc.sql("select count(*) from callback_task where covers_round is null")
                .query(Long.class).single() > 0) {
            return;
        }
        List<Long> customers = customerDirectory.firstActiveCustomerIds(4);
        if (customers.isEmpty()) {
            return;
        }
        signedIn.run("admin", () -> {
            generation.run(callbacks.today());
            tx.executeWithoutResult(s -> demo(customers));
        });
    }

    private void demo(List<Long> customers) {
        var today = callbacks.today();
        String[] reasons = {"新客户首次使用回访", "上门安装后回访", "季度关怀回访", "续约前回访", "售后满意度抽查"};
        for (int i = 0; i < 5; i++) {
            long customer = customers.get(i % customers.size());
            var t = callbacks.createManual(new CreateTask(customer, today, null,
                    i == 1 ? CallbackMethod.VISIT : CallbackMethod.PHONE, reasons[i], null));
            if (i == 2) {
                callbacks.notReached(t.id(), new NotReached("无人接听", null));
            } else if (i >= 3) {
                callbacks.complete(t.id(), new Complete(i == 3 ? Satisfaction.VERY_SATISFIED : Satisfaction.SATISFIED,
                        // as many answers as the manual plan has questions (an administrator may have edited it)
                        List.of("满意", "没有问题").subList(0, Math.min(2, t.questions().size())), i == 3 ? "客户表示服务很及时" : "建议增加周末上门时段", null, null, null,
                        null, null, null));
            }
        }
    }
}
