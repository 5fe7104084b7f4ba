package com.careloop.platform;

/**
 * One line of a person's work on the home page: how many, whether it needs attention now (due today or overdue),
 * and the list that shows them. The label is the message {@code work.<code>} in the contributing module's bundle.
 */
public record WorkCount(String code, long count, boolean urgent, String link) {

    public String labelKey() {
        return "work." + code;
    }
}
