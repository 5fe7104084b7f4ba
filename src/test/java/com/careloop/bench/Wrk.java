package com.careloop.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wrk} HTTP load generator (Debian package {@code wrk}): the HTTP counterpart of pgbench, written in
 * C, so that a benchmark's two cores go to the server and not to a Java client.
 */
final class Wrk {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: (.*)");

    private Wrk() {
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }

    static Path script(String name, String lua) throws java.io.IOException {
        Path file = Path.of("target", "bench", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, lua);
        return file;
    }

    /** {@code connections} keep-alive connections for {@code seconds}; the number of answers, all of them 2xx. */
    static long run(int port, String path, Path script, int connections, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t", "2", "-c", String.valueOf(connections), "-d", seconds + "s",
                "-s", script.toString(), "http://localhost:" + port + path).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = REQUESTS.matcher(out);
        Matcher bad = NON_2XX.matcher(out);
        Matcher errors = ERRORS.matcher(out);
        if (!m.find() || bad.find() || errors.find()) {
            throw new IllegalStateException("wrk " + path + ": " + out);
        }
        return Long.parseLong(m.group(1));
    }
}
