package com.careloop.contract.review;

import com.careloop.platform.RecordNumbers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The numbering of contract review's further papers: the order confirmation 订单确认表 ({@code DDQR2026-000001}), the
 * production task notice 生产任务通知单 ({@code SCTZ…}) and the change request 合同变更申请 ({@code BGSQ…}) and the change notice 合同变更通知单 ({@code HTBG…}) and the month-end distribution 合同月末分发单 ({@code HTFF…})
 * and the shipment of the shipping plan 出货计划 ({@code CHJH…}).
 */
@Component
@Order(32)
class ContractPaperNumbering implements ApplicationRunner {

    private final RecordNumbers numbers;

    ContractPaperNumbering(RecordNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(OrderConfirmations.NUMBER_TYPE, "DDQR", 6, "订单确认表");
        numbers.define(ProductionNotices.NUMBER_TYPE, "SCTZ", 6, "生产任务通知单");
        numbers.define(ContractChanges.NUMBER_TYPE, "BGSQ", 6, "合同变更申请");
        numbers.define(ContractChanges.NOTICE_NUMBER_TYPE, "HTBG", 6, "合同变更通知单");
        numbers.define(ContractDistributions.NUMBER_TYPE, "HTFF", 6, "合同月末分发单");
        numbers.define(ContractShipments.NUMBER_TYPE, "CHJH", 6, "出货计划");
    }
}
