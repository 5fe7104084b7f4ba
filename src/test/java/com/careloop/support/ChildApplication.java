package com.careloop.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CareLoop in a child JVM, for tests that must kill the application the way an operating system does (SIGKILL: no
 * shutdown hook, no pool close, nothing flushed) and start it again on the same data. Its output goes to
 * {@code target/<name>.log}.
 */
public final class ChildApplication {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final File log;

    private ChildApplication(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with these extra arguments and waits (up to 300 s: a CI machine may be busy) until it reports healthy. */
    public static ChildApplication start(String name, List<String> args) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", name + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=240m", "-cp", classpath,
                "com.careloop.CareLoopApplication", "--server.port=" + port));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("child exited with " + p.exitValue() + "; see " + log);
            }
            try {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new ChildApplication(p, port, log);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new AssertionError("child did not start in time; see " + log);
    }

    public int port() {
        return port;
    }

    public File log() {
        return log;
    }

    /** SIGKILL, as the OOM killer or {@code kill -9} would: the JVM gets no chance to write anything more. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a graceful shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
