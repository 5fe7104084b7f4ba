package com.careloop.platform;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Settings under {@code careloop.*}, validated at start-up. */
@Validated
@ConfigurationProperties("careloop")
public record CareLoopProperties(
        @DefaultValue("true") boolean demoData,
        String adminPassword,
        @DefaultValue("华东纸品包装有限公司") @NotBlank String companyName,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
        @DefaultValue("careloop@localhost") @NotBlank String mailFrom,
        @DefaultValue("http://localhost:8080") @NotBlank String baseUrl,
        @DefaultValue @NotNull Security security,
        @DefaultValue @NotNull Retention retention) {

    /**
     * Sign-in throttling: {@code maxFailedLogins} failures in a row from one address for one username block that
     * pair for {@code lockDuration} (doubling on each further block, up to a day); {@code maxFailuresPerAddress}
     * failures from one address for any usernames within {@code addressWindow} block the address.
     * {@code passwordHashCost} is BCrypt's log2 of rounds for passwords stored from now on (each stored hash keeps
     * the cost it was made with, so lowering or raising it never locks anyone out); 10 costs ~0.1 s of CPU per
     * sign-in, each step up doubles it.
     */
    public record Security(@DefaultValue("5") @Min(1) int maxFailedLogins,
                           @DefaultValue("15m") @NotNull Duration lockDuration,
                           @DefaultValue("30d") @NotNull Duration tokenLifetime,
                           @DefaultValue("50") @Min(1) int maxFailuresPerAddress,
                           @DefaultValue("15m") @NotNull Duration addressWindow,
                           @DefaultValue("10") @Min(4) @Max(16) int passwordHashCost) {
    }

    /** Retention period per record type (ISO record control); contracts keep 3 years by default. */
    public record Retention(@DefaultValue("3y") @NotNull Period defaultPeriod, Map<String, Period> periods) {

        public Period periodFor(String recordType) {
            return periods != null && periods.containsKey(recordType) ? periods.get(recordType) : defaultPeriod;
        }
    }
}
