package com.careloop.platform.channel;

import java.nio.charset.StandardCharsets;

/** The markdown WeCom shows (robot and application message): bold title, the body quoted, an "open" link. */
final class WecomMarkdown {

    /** WeCom refuses markdown content over 4096 bytes (UTF-8). */
    static final int MAX_BYTES = 4096;

    private WecomMarkdown() {
    }

    static NotificationChannel.Composed compose(String title, String body, String link, String openLabel) {
        StringBuilder md = new StringBuilder("**").append(title).append("**");
        if (body != null && !body.isBlank()) {
            md.append("\n> ").append(body.strip().replace("\n", "\n> "));
        }
        if (link != null) {
            md.append("\n[").append(openLabel).append("](").append(link)
                    .append(')');
        }
        return new NotificationChannel.Composed(title, clip(md.toString()));
    }

    static String clip(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return s;
        }
        int end = s.length();
        while (s.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES - 3) {
            end -= Math.max(1, (s.substring(0, end).getBytes(StandardCharsets.UTF_8).length - MAX_BYTES) / 3);
        }
        return s.substring(0, end) + "…";
    }
}
