package com.careloop.platform.print;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the print frame shows around a document: the header lines and, as CSS {@code content} values for the page's
 * margin boxes, the generation time and "page x of y" in the reader's language.
 *
 * @param generatedCss the generation line as a CSS string
 * @param pageOfCss    the page-number message with {@code counter(page)} / {@code counter(pages)} in place of its
 *                     arguments, e.g. {@code "第 " counter(page) " 页 / 共 " counter(pages) " 页"}
 */
public record PrintFrame(String company, String formCode, String recordNumber, String title, String lang,
                         String generatedCss, String pageOfCss) {

    /** Stand-ins for the page counters, put through the message and replaced by the CSS counters after. */
    static final String PAGE = "\u0001";
    static final String PAGES = "\u0002";

    private static final Pattern COUNTER = Pattern.compile("[\u0001\u0002]");

    /** The page-number message (with {@link #PAGE} and {@link #PAGES} as its arguments) as a CSS content value. */
    static String counters(String message) {
        StringBuilder css = new StringBuilder();
        Matcher m = COUNTER.matcher(message);
        int from = 0;
        while (m.find()) {
            append(css, cssString(message.substring(from, m.start())));
            append(css, m.group().equals(PAGE) ? "counter(page)" : "counter(pages)");
            from = m.end();
        }
        append(css, cssString(message.substring(from)));
        return css.toString();
    }

    private static void append(StringBuilder css, String part) {
        if (part.equals("\"\"")) {
            return;
        }
        if (!css.isEmpty()) {
            css.append(' ');
        }
        css.append(part);
    }

    /** A CSS string literal: quotes, backslashes and line breaks escaped, so no text can end the declaration. */
    static String cssString(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>') {
                s.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
