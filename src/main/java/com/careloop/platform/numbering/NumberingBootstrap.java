package com.careloop.platform.numbering;

import com.careloop.platform.RecordNumbers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The form codes of the source procedures, declared up front so the administrator can align them
 * with the company's own before the first record is numbered. Existing rules are left alone.
 */
@Component
@Order(30)
class NumberingBootstrap implements ApplicationRunner {

    private final RecordNumbers numbers;

    NumberingBootstrap(RecordNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define("service-request", "BS", 6, "报事/工单");
        numbers.define("complaint", "TS", 6, "顾客投诉处理单 R-QP-005-03");
        numbers.define("claim", "SP", 6, "索赔单");
        numbers.define("return", "TH", 6, "七天无理由退货单");
        numbers.define("advance-compensation", "XP", 6, "先行赔偿申请单");
        numbers.define("corrective-action", "CA", 6, "纠正和预防措施");
        numbers.define("callback-task", "HF", 6, "回访记录");
        numbers.define("survey-campaign", "MY", 4, "顾客满意度调查 R-QP-005-01");
        numbers.define("contract-review", "HT", 6, "合同评审表");
    }
}
