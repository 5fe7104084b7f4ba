package com.careloop.survey.template;

import java.math.BigDecimal;
import java.util.List;

/** One revision of a questionnaire template with its dimensions and items (sorted). */
public record TemplateView(long id, String code, int revision, String name, String nameEn, Scale scale, Method method,
                           BigDecimal thresholdA, BigDecimal thresholdB, String opinionPrompt, TemplateStatus status,
                           List<DimensionView> dimensions) {

    /** All items of all dimensions in questionnaire order. */
    public List<ItemView> items() {
        return dimensions.stream().flatMap(d -> d.items().stream()).toList();
    }
}
