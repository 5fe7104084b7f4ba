package com.careloop.contract.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The carton list's arithmetic (纸箱单, 002-A17): cartons = quantity / units per carton, rounded up. */
class ContractShipmentCartonsTest {

    @Test
    void cartonsAreTheQuantityDividedByUnitsPerCartonRoundedUp() {
        assertThat(ContractShipment.cartons(new BigDecimal("100"), 25)).isEqualTo(4L);
        assertThat(ContractShipment.cartons(new BigDecimal("101"), 25)).as("a part carton is a carton").isEqualTo(5L);
        assertThat(ContractShipment.cartons(new BigDecimal("60"), 25)).isEqualTo(3L);
        assertThat(ContractShipment.cartons(new BigDecimal("1"), 500)).isEqualTo(1L);
        assertThat(ContractShipment.cartons(new BigDecimal("12.5"), 5)).as("decimals round up too").isEqualTo(3L);
        assertThat(ContractShipment.cartons(new BigDecimal("0.001"), 1)).isEqualTo(1L);
    }

    @Test
    void withoutUnitsPerCartonThereIsNoCartonCount() {
        assertThat(ContractShipment.cartons(new BigDecimal("100"), null)).isNull();
        assertThat(ContractShipment.cartons(new BigDecimal("100"), 0)).isNull();
        assertThat(ContractShipment.cartons(null, 10)).isNull();
    }
}
