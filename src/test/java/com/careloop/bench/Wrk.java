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

    /**
     * Service-request registrations ("压测报修 {@code tag}-n") with a bearer token; with a fresh Idempotency-Key on
     * each ({@code keyPrefix}-thread-n, unique per run when the prefix is) unless {@code keyPrefix} is null.
     */
    static Path intakeScript(String name, String token, String tag, String keyPrefix) throws java.io.IOException {
        return script(name, """
                local counter = 0
                function setup(thread)
                  thread:set("tid", counter)
                  counter = counter + 1
                end
                local n = 0
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Authorization"] = "Bearer %s"
                request = function()
                  n = n + 1
                  if %s then
                    wrk.headers["Idempotency-Key"] = "%s-" .. tid .. "-" .. n
                  end
                  return wrk.format(nil, nil, nil, '{"contactName":"压测","contactPhone":"13800000000","type":"REPAIR",'
                    .. '"title":"压测报修 %s-' .. n .. '","channel":"API","description":"卫生间漏水，请派人查看"}')
                end
                """.formatted(token, keyPrefix != null, keyPrefix, tag));
    }

    /** {@code connections} keep-alive connections for {@code seconds}; the number of answers, all of them 2xx. */
    static long run(int port, String path, Path script, int connections, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t", "2", "-c", String.valueOf(connections), "-d", seconds + "s",
                // an answer slower than wrk's default 2 s is slow, not lost: only a dead server should fail a run
                "--timeout", "30s",
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
