package com.careloop.survey.template;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The content of a template revision as the editor and the API send it (create or edit). */
public record TemplateDraft(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
                            @NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn,
                            @NotNull Scale scale, @NotNull Method method, BigDecimal thresholdA,
                            BigDecimal thresholdB, @Size(max = 500) String opinionPrompt,
                            @Valid List<Dimension> dimensions, Long version) {

    public record Dimension(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameZhTw,
                            @Size(max = 200) String nameEn, BigDecimal weight, @Valid List<Item> items) {
    }

    public record Item(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 1000) String text,
                       @Size(max = 1000) String textZhTw, @Size(max = 1000) String textEn) {
    }
}
