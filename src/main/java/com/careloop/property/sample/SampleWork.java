package com.careloop.property.sample;

import java.util.ArrayList;
import java.util.List;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;
import com.careloop.property.SamplePermissions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My work" of samples: for production of my department the notices to accept and samples to make (样品待生产), for
 * quality the samples to inspect (样品待检验), for the salesperson their samples to send (样品待发送) and those waiting
 * for the customer (样品待客户确认); for the keeping department (quality) the sealed samples whose keep period ends soon
 * (封样待处置).
 */
@Component
@Transactional(readOnly = true)
class SampleWork implements WorkSource {

    private final JdbcClient jdbc;

    SampleWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(SamplePermissions.VIEW)) {
            return List.of();
        }
        List<WorkCount> lines = new ArrayList<>();
        long dept = me.departmentId() == null ? -1L : me.departmentId();
        if (me.can(SamplePermissions.PRODUCE) && me.departmentId() != null) {
            long n = count("production_department_id = :d and status in ('REQUESTED', 'IN_PRODUCTION')", "d", dept);
            lines.add(new WorkCount("sample.toProduce", n, false, "/samples"));
        }
        if (me.can(SamplePermissions.INSPECT) && me.departmentId() != null) {
            long n = count("quality_department_id = :d and status = 'MADE'", "d", dept);
            lines.add(new WorkCount("sample.toInspect", n, false, "/samples?status=MADE"));
        }
        if (me.can(SamplePermissions.KEEP) && me.departmentId() != null) {
            // the keeping department's sealed samples whose keep period ends soon (reminded by SampleKeepJob)
            long n = count("""
                    keeping_department_id = :d and status = 'SEALED' and exists (select 1 from sample_keep_notice n
                    where n.sample_id = sample.id and n.keep_until = sample.sealed_until)""", "d", dept);
            lines.add(new WorkCount("sample.toDecideKeep", n, false, "/samples/keep"));
        }
        if (me.can(SamplePermissions.REQUEST)) {
            long toSend = count("salesperson_id = :u and status = 'PASSED'", "u", me.id());
            long waiting = count("salesperson_id = :u and status = 'SENT'", "u", me.id());
            long toSeal = count("salesperson_id = :u and status = 'APPROVED'", "u", me.id());
            lines.add(new WorkCount("sample.toSend", toSend, false, "/samples?status=PASSED&salespersonId=" + me.id()));
            lines.add(new WorkCount("sample.awaitingCustomer", waiting, false,
                    "/samples?status=SENT&salespersonId=" + me.id()));
            lines.add(new WorkCount("sample.toSeal", toSeal, false, "/samples?status=APPROVED&salespersonId=" + me.id()));
        }
        return lines;
    }

    private long count(String where, String name, long value) {
        return jdbc.sql("select count(*) from sample where " + where).param(name, value).query(Long.class).single();
    }
}
