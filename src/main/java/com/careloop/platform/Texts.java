package com.careloop.platform;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Renders stored {@link Text}s for a reader: the message from the bundles in the reader's language (pages: the
 * request's locale; e-mails: the recipient's), instants in company time ({@code careloop.zone}), users by display
 * name. Templates call {@code ${@texts.render(text)}}, {@code ${@texts.stored(json)}} and
 * {@code ${@texts.person(login)}}. A missing key renders as the key, so a forgotten message shows and a test finds it.
 */
@Component("texts")
public class Texts {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;
    private final Function<Object, Optional<String>> people;

    @org.springframework.beans.factory.annotation.Autowired
    public Texts(MessageSource messages, CareLoopProperties properties, JdbcClient jdbc) {
        this(messages, properties.zone(), who -> jdbc.sql(who instanceof Long
                        ? "select display_name from app_user where id = :who"
                        : "select display_name from app_user where username = :who")
                .param("who", who).query(String.class).optional());
    }

    /** For tests: a fixed zone and a lookup of display names by user id ({@code Long}) or login ({@code String}). */
    Texts(MessageSource messages, ZoneId zone, Function<Object, Optional<String>> people) {
        this.messages = messages;
        this.zone = zone;
        this.people = people;
    }

    /**
     * The running platforms' texts, newest first, so that exceptions render their message where handlers read
     * getMessage(). More than one only in a test JVM (cached contexts); a closed context's texts leave (their people
     * lookup's pool is closed) and the newest still running renders.
     */
    private static final java.util.Deque<Texts> RUNNING = new java.util.concurrent.ConcurrentLinkedDeque<>();

    @jakarta.annotation.PostConstruct
    void register() {
        RUNNING.addFirst(this);
    }

    @jakarta.annotation.PreDestroy
    void unregister() {
        RUNNING.remove(this);
    }

    /**
     * The text in the current thread's language. Without a running platform (plain unit tests, a log line before start)
     * in English from the bundles on the class path, so an exception's message is still a sentence.
     */
    static String renderInCurrentLocale(Text text) {
        Texts texts = RUNNING.peekFirst();
        return texts != null ? texts.render(text) : Offline.TEXTS.render(text, Locale.ENGLISH);
    }

    /** The bundles without Spring: every {@code messages/*.properties} on the class path, UTC, logins as they are. */
    private static final class Offline {
        static final Texts TEXTS = create();

        private static Texts create() {
            var source = new org.springframework.context.support.ResourceBundleMessageSource();
            source.setDefaultEncoding("UTF-8");
            source.setFallbackToSystemLocale(false);
            try {
                for (var r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                        .getResources("classpath*:messages/*.properties")) {
                    String name = java.util.Objects.requireNonNull(r.getFilename());
                    if (!name.contains("_")) {
                        source.addBasenames("messages/" + name.substring(0, name.length() - ".properties".length()));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Texts(source, ZoneId.of("UTC"), who -> Optional.empty());
        }
    }

    /** In the current request's (or thread's) language. */
    public String render(Text text) {
        return render(text, LocaleContextHolder.getLocale());
    }

    public String render(Text text, Locale locale) {
        if (text == null) {
            return "";
        }
        if (text.isLiteral()) {
            return text.literal();
        }
        Object[] args = text.args().stream().map(a -> arg(a, locale)).toArray();
        return messages.getMessage(text.code(), args, text.code(), locale);
    }

    /** A stored column: the JSON of a text, or (rows from before codes) the literal it holds. */
    public String stored(String stored) {
        return render(Text.fromJson(stored));
    }

    /** The stored text if there is one, else the legacy literal of the same row (null when neither). */
    public String stored(Text text, String legacy) {
        return text != null ? render(text) : legacy;
    }

    /**
     * A person by login (timeline and audit actors) or id: the display name. Actors that are not users ({@code system},
     * a module such as {@code capa}) by their label {@code texts.actor.<login>}; an unknown login as it is.
     */
    public String person(Object who) {
        if (who == null) {
            return "";
        }
        return who instanceof Number n ? people.apply(n.longValue()).orElse("#" + n)
                : login(who.toString(), LocaleContextHolder.getLocale());
    }

    private String login(String username, Locale locale) {
        return people.apply(username)
                .orElseGet(() -> messages.getMessage("texts.actor." + username, null, username, locale));
    }

    /**
     * A bean-validation error as a sentence in the reader's language (keys {@code NotBlank}, {@code Size}, {@code Pattern},
     * … in the texts bundle, more specific {@code Size.<field>} possible), never the validator's default text or a regex.
     */
    public String fieldError(org.springframework.context.MessageSourceResolvable error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    /** A field error on a page: the field by its label ({@code audit.field.<name>}) and the rule as a sentence. */
    public String fieldProblem(org.springframework.validation.FieldError error) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("audit.field." + error.getField(), null, error.getField(), locale) + "："
                + messages.getMessage(error, locale);
    }

    /** {@link #fieldProblem} for static helpers such as {@link Forms}. */
    static String fieldProblemInCurrentLocale(org.springframework.validation.FieldError error) {
        Texts texts = RUNNING.peekFirst();
        return texts != null ? texts.fieldProblem(error) : error.getField() + ": " + error.getDefaultMessage();
    }

    /** An instant in company time, to the minute. */
    public String time(Instant at) {
        return at == null ? "" : MINUTE.format(at.atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }

    private String arg(Text.Arg arg, Locale locale) {
        if (arg instanceof Text.Arg.Plain p) {
            return p.value();
        } else if (arg instanceof Text.Arg.Message m) {
            return render(m.text(), locale);
        } else if (arg instanceof Text.Arg.User u) {
            return people.apply(u.id()).orElse("#" + u.id());
        } else if (arg instanceof Text.Arg.Login l) {
            return login(l.username(), locale);
        } else if (arg instanceof Text.Arg.Time t) {
            return time(t.at());
        } else if (arg instanceof Text.Arg.Day d) {
            return d.date().toString();
        }
        NumberFormat money = NumberFormat.getNumberInstance(locale);
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        return "¥" + money.format(((Text.Arg.Money) arg).amount());
    }
}
