package com.careloop.platform;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The next step of a record as its page shows it (fragment {@code fragments/nextstep :: banner(${next})}): either
 * the reader's own step, a primary button to the step's form ({@code target} is the form's element id), or
 * someone else's, with whose and why as a message code and its arguments ({@code waiting}). Arguments are names
 * as they are, or {@link #position(String)} / {@link #label(String)} for a text in the reader's language. A record
 * at its end has no next step ({@code null}).
 */
public record NextStep(String action, String labelCode, String target, MessageSourceResolvable waiting) {

    /** The reader's own step: the primary button. */
    public static NextStep act(String action, String labelCode, String target) {
        return new NextStep(action, labelCode, target, null);
    }

    /** Someone else's step: {@code reasonCode} with its arguments says whose and why. */
    public static NextStep waiting(String action, String labelCode, String reasonCode, Object... args) {
        return new NextStep(action, labelCode, null, new DefaultMessageSourceResolvable(new String[] {reasonCode}, args));
    }

    /** A position (品管经理) as an argument, in the reader's language. */
    public static MessageSourceResolvable position(String position) {
        return label("position." + position);
    }

    /** Any message as an argument, in the reader's language. */
    public static MessageSourceResolvable label(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args);
    }

    public boolean actionable() {
        return waiting == null;
    }

    /** Whether the page's form {@code step} is this next step (its {@code <details>} is then open). */
    public boolean is(String step) {
        return action.equals(step);
    }

    /** The codes and arguments, for tests and logs. */
    @Override
    public String toString() {
        return action + (waiting == null ? "" : " waiting " + Arrays.toString(waiting.getCodes())
                + Arrays.toString(waiting.getArguments()));
    }
}
