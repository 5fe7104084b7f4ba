package com.careloop.complaint.stats;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Labels of the statistics in the reader's language: group keys (enum codes through the complaint labels). */
@Component("complaintStatsLabels")
public class StatsLabels {

    private final MessageSource messages;

    StatsLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** A group's key as the reader reads it: {@code null} = the total, "-" = not set, enum codes by their label. */
    public String key(StatsGroup group, String key) {
        if (key == null) {
            return message("complaintstats.total");
        }
        if ("-".equals(key)) {
            return message("complaintstats.unset");
        }
        return switch (group) {
            case CATEGORY -> message("complaint.enum.ComplaintCategory." + key);
            case SEVERITY -> message("complaint.enum.Severity." + key);
            case CAUSE -> message("complaint.enum.CauseCategory." + key);
            default -> key;
        };
    }

    public String cause(String cause) {
        return key(StatsGroup.CAUSE, cause);
    }
}
