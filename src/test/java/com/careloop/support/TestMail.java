package com.careloop.support;

import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * GreenMail for the tests on free ports, picked once per JVM when this class loads, so two builds on one
 * machine never fight over fixed ports (3025, 3031, 3143). Spring learns the ports through the placeholders
 * {@link #SMTP_PORT} and {@link #IMAP_PORT}, resolved by {@link Ports}; a test declares
 * <pre>
 * &#64;ContextCustomizerFactories(TestMail.Ports.class)
 * &#64;TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT,
 *         "careloop.base-url=http://localhost"})
 * </pre>
 * (exactly these three, in this order: every mail test then shares one application context).
 * The ports are the same for every test class in the JVM, so classes that used to share an application
 * context (same properties) still share it, as they would not with a per-class {@code @DynamicPropertySource}.
 */
public final class TestMail {

    /** Placeholder for the SMTP port, for {@code @TestPropertySource}. */
    public static final String SMTP_PORT = "${careloop.test.mail.smtp-port}";
    /** Placeholder for the IMAP port, for {@code @TestPropertySource}. */
    public static final String IMAP_PORT = "${careloop.test.mail.imap-port}";

    private static final int SMTP;
    private static final int IMAP;

    static {
        int[] ports = freePair();
        SMTP = ports[0];
        IMAP = ports[1];
    }

    /**
     * Two adjacent free ports below the kernel's ephemeral range. A port the kernel handed out for port 0 is free again
     * once that socket closes, and the next port-0 listener can get it: in CI run 53 a test's Tomcat (server.port 0)
     * took the SMTP port picked that way, and GreenMail could not bind. Below the ephemeral range no port-0 listener
     * lands; the start depends on the process id, so the build's two test JVMs look in different places.
     */
    private static int[] freePair() {
        int low = 10_000;
        int high = Math.max(ephemeralStart() - 2, low + 1_000);
        int span = high - low;
        int start = (int) (ProcessHandle.current().pid() * 7919 % span);
        for (int i = 0; i < span; i += 2) {
            int port = low + (start + i) % span;
            try (ServerSocket smtp = new ServerSocket(port); ServerSocket imap = new ServerSocket(port + 1)) {
                return new int[] {smtp.getLocalPort(), imap.getLocalPort()};
            } catch (IOException taken) {
                // next pair
            }
        }
        throw new UncheckedIOException(new IOException("no free port pair for GreenMail below " + high));
    }

    /** The first port of the kernel's ephemeral range (Linux; 32,768 where it cannot be read). */
    private static int ephemeralStart() {
        try {
            String range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return Integer.parseInt(range.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private TestMail() {
    }

    public static int smtpPort() {
        return SMTP;
    }

    public static int imapPort() {
        return IMAP;
    }

    /** An SMTP server accepting every mail without authentication. */
    public static GreenMailExtension smtp() {
        return new GreenMailExtension(new ServerSetup(SMTP, null, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /** A test's condition on a received mail. */
    public interface MailFilter {
        boolean test(MimeMessage m) throws Exception;
    }

    /**
     * The received mails that {@code filter} picks. The application's own jobs mail too while a test runs (the
     * complaint deadline scan alerts on the demo complaints that have become overdue by today), so a test counts its
     * own mails, never every mail the server got.
     */
    public static List<MimeMessage> received(GreenMailExtension mail, MailFilter filter) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (filter.test(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Waits up to {@code millis} for {@code count} mails that {@code filter} picks; whether they arrived. */
    public static boolean await(GreenMailExtension mail, MailFilter filter, int count, long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (received(mail, filter).size() < count) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** An IMAP server; add the mailbox users with {@code withConfiguration}. */
    public static GreenMailExtension imap() {
        return new GreenMailExtension(new ServerSetup(IMAP, null, ServerSetup.PROTOCOL_IMAP));
    }

    /** Puts the ports behind {@link #SMTP_PORT} and {@link #IMAP_PORT} into the test's environment. */
    public static final class Ports implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    /** A record: all equal, so the context cache key is the same for every class using it. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("greenmail-ports",
                    Map.of("careloop.test.mail.smtp-port", SMTP, "careloop.test.mail.imap-port", IMAP)));
        }
    }
}
