package com.careloop.survey.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import com.careloop.survey.sampling.SampleDraw.Result;
import com.careloop.survey.sampling.SampleDraw.Stratum;
import com.careloop.survey.sampling.SampleDraw.Unit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seeded draw: reproducible, distributors in full, strata allocated in proportion and summing to n. */
class SampleDrawTest {

    private static List<Unit> units(int n, int distributors) {
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            units.add(new Unit(i * 10L, i <= distributors, null));
        }
        return units;
    }

    @Test
    void theSameSeedGivesTheSameSampleWhateverTheOrderOfThePopulation() {
        List<Unit> population = units(1_000, 0);
        Result first = SampleDraw.draw(population, null, 20261202L, false);
        List<Unit> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(7));
        Result again = SampleDraw.draw(shuffled, null, 20261202L, false);
        assertThat(first.drawn()).hasSize(100).isEqualTo(again.drawn()).isSorted().doesNotHaveDuplicates();
        assertThat(SampleDraw.draw(population, null, 20261203L, false).drawn()).isNotEqualTo(first.drawn());
    }

    @Test
    void theDrawIsTheFisherYatesShuffleOfRandomSeedOverTheIdsInOrder() {
        // the documented algorithm, spelled out: a second JVM computing it by hand gets the same ids
        long[] ids = IntStream.rangeClosed(1, 50).mapToLong(i -> i * 10L).toArray();
        Random r = new Random(42L);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int j = i + r.nextInt(ids.length - i);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
            expected.add(ids[i]);
        }
        Collections.sort(expected);
        assertThat(SampleDraw.draw(units(50, 0), null, 42L, false).drawn()).isEqualTo(expected);
    }

    @Test
    void distributorsAreAllSurveyedAndTheTableAppliesToTheOthers() {
        Result r = SampleDraw.draw(units(1_030, 30), null, 1L, false);
        assertThat(r.population()).isEqualTo(1_030);
        assertThat(r.inFull()).isEqualTo(30);
        assertThat(r.rule().population()).isEqualTo(1_000);
        assertThat(r.rule().size()).isEqualTo(100);
        assertThat(r.sampleSize()).isEqualTo(130);
        assertThat(r.drawn()).hasSize(130).contains(10L, 20L, 300L);
    }

    @Test
    void onlyDistributorsAreSurveyedInFull() {
        Result r = SampleDraw.draw(units(500, 500), null, 1L, false);
        assertThat(r.sampleSize()).isEqualTo(500);
        assertThat(r.rule().size()).isZero();
    }

    @Test
    void stratifiedDrawAllocatesInProportionAndSumsToN() {
        List<Unit> units = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 600; i++) {
            units.add(new Unit(id++, false, "华东"));
        }
        for (int i = 0; i < 300; i++) {
            units.add(new Unit(id++, false, "华南"));
        }
        for (int i = 0; i < 100; i++) {
            units.add(new Unit(id++, false, "西北"));
        }
        Result r = SampleDraw.draw(units, new BigDecimal("0.05"), 9L, true);
        assertThat(r.sampleSize()).isEqualTo(50);
        assertThat(r.strata()).containsExactly(new Stratum("华东", 600, 30), new Stratum("华南", 300, 15),
                new Stratum("西北", 100, 5));
        assertThat(r.drawn()).hasSize(50);
        assertThat(r.drawn().stream().filter(x -> x > 900).count()).isEqualTo(5);
        assertThat(SampleDraw.draw(units, new BigDecimal("0.05"), 9L, true).drawn()).isEqualTo(r.drawn());
    }

    @ParameterizedTest(name = "n = {0} over {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "10; 5,3,2; 5,3,2",
            "7; 5,3,2; 4,2,1",        // 3.5/2.1/1.4: floors 3,2,1, remainders .5 .1 .4 -> 4,2,1
            "2; 10,10,1; 1,1,0",      // fewer units than strata: proportional only
            "3; 100,1,1; 1,1,1",      // each non-empty stratum gets one, taken from the largest
            "4; 97,2,1; 2,1,1",
            "5; 3,0,2; 3,0,2",
            "11; 25,25,25,25; 3,3,3,2"})  // ties broken by the stratum key
    void allocationIsLargestRemainderSummingToN(int n, String sizes, String expected) {
        int[] s = java.util.Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> keys = IntStream.range(0, s.length).mapToObj(i -> "k" + i).toList();
        int[] quota = SampleDraw.allocate(n, s, keys);
        assertThat(quota).containsExactly(java.util.Arrays.stream(expected.split(",")).mapToInt(Integer::parseInt).toArray());
        assertThat(IntStream.of(quota).sum()).isEqualTo(n);
    }

    @Test
    void strataSumToTheTableSizeForEveryPopulation() {
        for (int n : new int[] {11, 57, 100, 101, 999, 1001, 9_999, 10_001, 54_321}) {
            List<Unit> units = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                units.add(new Unit(i, false, "s" + (i % 7 == 0 ? "A" : i % 3 == 0 ? "B" : "C")));
            }
            Result r = SampleDraw.draw(units, null, n, true);
            assertThat(r.strata().stream().mapToInt(Stratum::sample).sum()).as("N = " + n)
                    .isEqualTo(SampleSize.of(n, null).size());
            assertThat(r.drawn()).hasSize(SampleSize.of(n, null).size()).doesNotHaveDuplicates();
        }
    }
}
