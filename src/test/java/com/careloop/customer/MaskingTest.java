package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({"13812345678,138****5678", "0512-65432100,051****2100", "65432100,******00", "110,***"})
    void phonesKeepTheirFirstThreeAndLastFourDigits(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"320102198003071234,320***********1234", "91320500MA1X,913*****MA1X", "123456,******"})
    void idNumbersKeepTheirFirstThreeAndLastFourCharacters(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked);
    }
}
