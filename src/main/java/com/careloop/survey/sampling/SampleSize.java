package com.careloop.survey.sampling;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.careloop.platform.InvalidInputException;

/**
 * The sampling table of SPEC §7 (QP-005 §5.8), boundaries exact: N <= 10 everyone; 10 < N <= 100 10%;
 * 100 < N <= 1,000 5-10%; 1,000 < N <= 10,000 3-5%; N > 10,000 the square root of N. Where the table gives a
 * range the upper end is the default and any share from the lower to the upper end is a campaign setting
 * (outside it: 422 {@code sampleFraction within-range}); a fractional size is rounded up. Where the band has
 * a single figure (everyone, 10%, the square root) a chosen share does not apply and is ignored.
 *
 * @param population N
 * @param size       n
 * @param band       the line of the table applied
 * @param fraction   the share used (null for everyone and for the square root)
 */
public record SampleSize(int population, int size, Band band, BigDecimal fraction) {

    /** The lines of the table; {@code lower}/{@code upper} are the shares (null: not a share). */
    public enum Band {
        EVERYONE(null, null),
        TEN_PERCENT(new BigDecimal("0.10"), new BigDecimal("0.10")),
        FIVE_TO_TEN_PERCENT(new BigDecimal("0.05"), new BigDecimal("0.10")),
        THREE_TO_FIVE_PERCENT(new BigDecimal("0.03"), new BigDecimal("0.05")),
        SQUARE_ROOT(null, null);

        private final BigDecimal lower;
        private final BigDecimal upper;

        Band(BigDecimal lower, BigDecimal upper) {
            this.lower = lower;
            this.upper = upper;
        }

        public BigDecimal lower() {
            return lower;
        }

        public BigDecimal upper() {
            return upper;
        }

        public boolean isRange() {
            return lower != null && lower.compareTo(upper) != 0;
        }

        public static Band forPopulation(int n) {
            if (n <= 10) {
                return EVERYONE;
            }
            if (n <= 100) {
                return TEN_PERCENT;
            }
            if (n <= 1_000) {
                return FIVE_TO_TEN_PERCENT;
            }
            if (n <= 10_000) {
                return THREE_TO_FIVE_PERCENT;
            }
            return SQUARE_ROOT;
        }
    }

    /** n for a population of N; {@code chosenFraction} null = the band's default (its upper end). */
    public static SampleSize of(int population, BigDecimal chosenFraction) {
        if (population < 0) {
            throw new IllegalArgumentException("population " + population);
        }
        Band band = Band.forPopulation(population);
        switch (band) {
            case EVERYONE:
                return new SampleSize(population, population, band, null);
            case SQUARE_ROOT:
                return new SampleSize(population, ceilSqrt(population), band, null);
            default:
                BigDecimal f = band.upper();
                if (band.isRange() && chosenFraction != null) {
                    if (chosenFraction.compareTo(band.lower()) < 0 || chosenFraction.compareTo(band.upper()) > 0) {
                        throw new InvalidInputException("sampleFraction", "within-range", "抽样比例须在 "
                                + percent(band.lower()) + " 至 " + percent(band.upper()) + " 之间（N = " + population
                                + "）/ the sample share must be within " + percent(band.lower()) + "–"
                                + percent(band.upper()) + " for N = " + population);
                    }
                    f = chosenFraction;
                }
                int n = BigDecimal.valueOf(population).multiply(f).setScale(0, RoundingMode.CEILING).intValueExact();
                return new SampleSize(population, n, band, f.stripTrailingZeros());
        }
    }

    /** The smallest integer r with r x r >= n (exact, no floating-point edge at perfect squares). */
    static int ceilSqrt(int n) {
        int r = (int) Math.sqrt(n);
        while ((long) r * r > n) {
            r--;
        }
        while ((long) r * r < n) {
            r++;
        }
        return r;
    }

    /** 0.05 -> "5%". */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
