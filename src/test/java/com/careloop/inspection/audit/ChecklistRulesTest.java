package com.careloop.inspection.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import com.careloop.inspection.AuditResult;
import com.careloop.inspection.ItemKind;
import com.careloop.inspection.audit.ChecklistRules.ItemSpec;
import com.careloop.inspection.audit.ChecklistRules.Scored;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecklistRulesTest {

    static ItemSpec item(ItemKind kind, boolean redLine) {
        return new ItemSpec(1, kind, kind == ItemKind.SCORE ? 5 : null, BigDecimal.ZERO, BigDecimal.TEN,
                kind == ItemKind.PHOTO ? 2 : 0, 1, redLine);
    }

    @ParameterizedTest
    @CsvSource({"-1", "6", "x", "''"})
    void aScoreOutsideZeroToNIsRefused(String answer) {
        assertThatThrownBy(() -> ChecklistRules.mark(item(ItemKind.SCORE, false), answer, false, 0))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("answer");
    }

    @ParameterizedTest
    @CsvSource({"0,true", "2,true", "3,false", "5,false"})
    void aScoreBelowHalfTheMaximumIsAFailedItem(String answer, boolean failed) {
        assertThat(ChecklistRules.mark(item(ItemKind.SCORE, false), answer, false, 0).failed()).isEqualTo(failed);
    }

    @Test
    void aNumberOutsideTheItemsLimitsIsRefused() {
        assertThatThrownBy(() -> ChecklistRules.mark(item(ItemKind.NUMBER, false), "10.5", false, 0))
                .isInstanceOf(InvalidInputException.class);
        assertThat(ChecklistRules.mark(item(ItemKind.NUMBER, false), "10", false, 0).answer()).isEqualTo("10");
    }

    @Test
    void aPhotoItemNeedsItsMinimumPhotos() {
        assertThatThrownBy(() -> ChecklistRules.mark(item(ItemKind.PHOTO, false), null, false, 1))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("photos");
        assertThat(ChecklistRules.mark(item(ItemKind.PHOTO, false), null, false, 2).failed()).isFalse();
    }

    @Test
    void aRedLineCannotBeNotApplicableAndNoFailsIt() {
        assertThatThrownBy(() -> ChecklistRules.mark(item(ItemKind.YES_NO, true), null, true, 0))
                .isInstanceOf(InvalidInputException.class);
        assertThat(ChecklistRules.mark(item(ItemKind.YES_NO, true), "no", false, 0).failed()).isTrue();
        assertThatThrownBy(() -> ChecklistRules.mark(item(ItemKind.YES_NO, false), "maybe", false, 0))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theScoreIsWeightedAndAFailedRedLineFailsWhateverTheScore() {
        var perfectButRedLine = List.of(new Scored(1, BigDecimal.ZERO, true, true),
                new Scored(99, BigDecimal.ONE, false, false));
        var outcome = ChecklistRules.score(perfectButRedLine, 85, 70);
        assertThat(outcome.score()).isEqualByComparingTo("99.00");
        assertThat(outcome.result()).isEqualTo(AuditResult.FAIL);
        assertThat(outcome.redLineFailed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0.90,PASS", "0.85,PASS", "0.80,CONDITIONAL", "0.70,CONDITIONAL", "0.69,FAIL"})
    void theResultFollowsTheConfigurableThresholds(String fraction, AuditResult expected) {
        var outcome = ChecklistRules.score(List.of(new Scored(2, new BigDecimal(fraction), false, false),
                new Scored(1, null, false, false)), 85, 70);
        assertThat(outcome.result()).isEqualTo(expected);
    }

    @Test
    void notApplicableAndUnscoredAnswersAreLeftOutOfTheScore() {
        var outcome = ChecklistRules.score(List.of(new Scored(3, null, false, false), new Scored(1, BigDecimal.ONE,
                false, false)), 85, 70);
        assertThat(outcome.score()).isEqualByComparingTo("100");
    }

    @Test
    void theSchemesChosenDecideWhichPhotoItemsApply() {
        assertThat(ChecklistRules.applies(ReadyTemplates.PHOTOS_BASE, Set.of("QMS"))).isTrue();
        assertThat(ChecklistRules.applies("EMS", Set.of("QMS"))).isFalse();
        assertThat(ChecklistRules.applies("EMS", Set.of("EMS"))).isTrue();
        assertThat(ChecklistRules.applies(null, Set.of())).isTrue();
        long qms = ReadyTemplates.preContract().sections().get(0).items().stream()
                .filter(i -> ChecklistRules.applies(i.schemes(), Set.of("QMS"))).count();
        long ems = ReadyTemplates.preContract().sections().get(0).items().stream()
                .filter(i -> ChecklistRules.applies(i.schemes(), Set.of("EMS"))).count();
        assertThat(qms).isEqualTo(8);
        assertThat(ems).isEqualTo(13);
    }
}
