package com.careloop.survey.invite;

import java.util.Locale;

import com.careloop.survey.template.DimensionView;
import com.careloop.survey.template.ItemView;
import com.careloop.survey.template.TemplateView;

/** A template's texts in one language (zh-TW and en fall back to the zh-CN text where a translation is missing). */
public record QuestionnaireTexts(TemplateView template, Locale locale) {

    private boolean english() {
        return "en".equals(locale.getLanguage());
    }

    private boolean traditional() {
        return Locale.TRADITIONAL_CHINESE.equals(locale);
    }

    public String name() {
        return english() && template.nameEn() != null ? template.nameEn() : template.name();
    }

    public String dimension(DimensionView d) {
        String t = english() ? d.nameEn() : traditional() ? d.nameZhTw() : null;
        return t == null || t.isBlank() ? d.name() : t;
    }

    public String item(ItemView i) {
        String t = english() ? i.textEn() : traditional() ? i.textZhTw() : null;
        return t == null || t.isBlank() ? i.text() : t;
    }
}
