package com.careloop.servicedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.careloop.platform.calendar.TimeUnit;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SlaPolicy;

import org.junit.jupiter.api.Test;

/** The most specific policy wins: type before category before priority; null matches any. */
class SlaPolicyMatchTest {

    static SlaPolicy p(long id, RequestType type, Long category, Priority priority, int response) {
        return new SlaPolicy(id, type, category, priority, response, TimeUnit.CALENDAR_HOURS, null, null, true, 0);
    }

    final List<SlaPolicy> policies = List.of(p(1, null, null, null, 24), p(2, RequestType.REPAIR, null, null, 12),
            p(3, RequestType.REPAIR, null, Priority.URGENT, 2), p(4, RequestType.REPAIR, 5L, null, 8),
            p(5, null, 5L, Priority.URGENT, 1));

    int responseFor(RequestType type, Long category, Priority priority) {
        return ServiceCatalog.mostSpecific(policies, type, category, priority).orElseThrow().responseAmount();
    }

    @Test
    void theCatchAllAppliesWhenNothingMoreSpecificMatches() {
        assertThat(responseFor(RequestType.CONSULTATION, null, Priority.NORMAL)).isEqualTo(24);
    }

    @Test
    void aTypePolicyBeatsTheCatchAll() {
        assertThat(responseFor(RequestType.REPAIR, 9L, Priority.NORMAL)).isEqualTo(12);
    }

    @Test
    void categoryCountsMoreThanPriority() {
        assertThat(responseFor(RequestType.REPAIR, 5L, Priority.URGENT)).isEqualTo(8);
        assertThat(responseFor(RequestType.REPAIR, 9L, Priority.URGENT)).isEqualTo(2);
    }

    @Test
    void typeCountsMoreThanCategoryAndPriority() {
        assertThat(responseFor(RequestType.CONSULTATION, 5L, Priority.URGENT)).isEqualTo(1);
        assertThat(responseFor(RequestType.REPAIR, 5L, Priority.LOW)).isEqualTo(8);
    }
}
