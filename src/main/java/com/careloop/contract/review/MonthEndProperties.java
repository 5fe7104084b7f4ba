package com.careloop.contract.review;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who receives the month-end distribution of contracts (seed 002-A12), under {@code careloop.contract.month-end.*}.
 * Each party is a list of holders as data, in the review chains' terms ({@code KIND:REF}, kind DEPARTMENT,
 * DEPARTMENT_HEAD or POSITION; e.g. {@code POSITION:BUSINESS_MANAGER}, {@code DEPARTMENT:FIN}); the first entry that
 * names an active person is used, so a company without a business manager falls back to the head of sales and then
 * to the general manager. Salespeople receive their own contracts and need no setting.
 */
@ConfigurationProperties("careloop.contract.month-end")
public record MonthEndProperties(
        @DefaultValue({"POSITION:BUSINESS_MANAGER", "DEPARTMENT_HEAD:SALES", "POSITION:GENERAL_MANAGER"})
        List<String> salesManager,
        @DefaultValue({"DEPARTMENT:FIN", "POSITION:GENERAL_MANAGER"}) List<String> finance) {
}
