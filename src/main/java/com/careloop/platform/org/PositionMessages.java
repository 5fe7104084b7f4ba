package com.careloop.platform.org;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.stereotype.Component;

/**
 * Labels {@code position.CODE} of the positions an administrator added: installed as the parent of the application's
 * message source, so a page, a PDF or a {@code Text.label("position", code)} finds them where the bundles have none
 * (the built-in positions keep their translated labels in the bundles). Not itself a MessageSource bean.
 */
@Component
class PositionMessages {

    private static final String PREFIX = "position.";

    PositionMessages(Positions positions, MessageSource messageSource) {
        if (messageSource instanceof HierarchicalMessageSource h && h.getParentMessageSource() == null) {
            h.setParentMessageSource(new FromTable(positions));
        }
    }

    private static final class FromTable extends AbstractMessageSource {

        private final Positions positions;

        FromTable(Positions positions) {
            this.positions = positions;
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            return code.startsWith(PREFIX) ? positions.label(code.substring(PREFIX.length()), locale).orElse(null) : null;
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            String label = resolveCodeWithoutArguments(code, locale);
            return label == null ? null : new MessageFormat(label.replace("'", "''"), locale);
        }
    }
}
