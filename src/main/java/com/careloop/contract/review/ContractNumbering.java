package com.careloop.contract.review;

import com.careloop.contract.Contracts;
import com.careloop.platform.RecordNumbers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contract register's numbering (合同登记表 R-QP-005-05, e.g. {@code HTDJ2026-000001}); the review form
 * R-QP-005-06 takes its number from the platform's rule {@code contract-review} ({@code HT}) when first submitted.
 */
@Component
@Order(31)
class ContractNumbering implements ApplicationRunner {

    private final RecordNumbers numbers;

    ContractNumbering(RecordNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(Contracts.NUMBER_TYPE, "HTDJ", 6, "合同登记表 R-QP-005-05");
    }
}
