package com.careloop.contract.review;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.contract.*}: the total (CNY) above which a contract is major and needs the general
 * manager's approval after the countersign (default 1,000,000), and whether every special contract is major too.
 */
@Validated
@ConfigurationProperties("careloop.contract")
public record ContractProperties(
        @DefaultValue("1000000") @NotNull @DecimalMin("0") BigDecimal majorThreshold,
        @DefaultValue("false") boolean specialIsMajor) {

    /**
     * The major-contract rule (contracts and their changes alike): the total strictly above the threshold, or a
     * special contract when {@code special-is-major} is set.
     */
    public boolean isMajor(BigDecimal total, com.careloop.contract.ContractClass contractClass) {
        return Contract.isMajor(total, majorThreshold)
                || (specialIsMajor && contractClass == com.careloop.contract.ContractClass.SPECIAL);
    }
}
