package com.careloop.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A text a user reads, kept as a message code and its arguments (or, for what a person typed and for rows
 * written before codes existed, a literal). Records store it ({@link #toJson()}, a JPA column through
 * {@link TextColumn}); {@link Texts} renders it at view time in the reader's language, times in company time,
 * people by display name. No sentence is a Java literal: a module adds its keys to its message bundle.
 *
 * <pre>{@code
 * Text.of("complaint.note.acknowledged", Arg.date(promisedBy))
 * Text.of("complaint.note.assessed", Text.label("complaint.category", category), Arg.user(handlerId))
 * }</pre>
 */
public record Text(String code, List<Arg> args, String literal) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Text {
        args = args == null ? List.of() : List.copyOf(args);
        if ((code == null) == (literal == null)) {
            throw new IllegalArgumentException("a text is a message code or a literal, not both or neither");
        }
    }

    /** A message with arguments; plain Java values become the matching {@link Arg} (see {@link Arg#of}). */
    public static Text of(String code, Object... args) {
        return new Text(code, Arrays.stream(args).map(Arg::of).toList(), null);
    }

    /** Text a person typed, or a row from before codes: shown as it is, in every language. */
    public static Text literal(String text) {
        return new Text(null, List.of(), text == null ? "" : text);
    }

    /** The label of a code value, message key {@code prefix + "." + value} (e.g. an enum constant's name). */
    public static Text label(String prefix, Object value) {
        return of(prefix + "." + (value instanceof Enum<?> e ? e.name() : String.valueOf(value)));
    }

    public boolean isLiteral() {
        return code == null;
    }

    /**
     * For a record with a legacy literal column beside its text column (timelines: {@code note} and {@code note_text}):
     * the literal to store, cut to {@code max}, or null when the text is a message.
     */
    public static String literalColumn(Text text, int max) {
        if (text == null || !text.isLiteral()) {
            return null;
        }
        return text.literal().length() <= max ? text.literal() : text.literal().substring(0, max);
    }

    /** The message to store in the text column, or null when the text is a literal (kept in the literal column). */
    public static Text messageColumn(Text text) {
        return text == null || text.isLiteral() ? null : text;
    }

    /** One argument of a message, typed so that the renderer knows how to show it to the reader. */
    public sealed interface Arg {

        /** A value shown as it is: a record number, a count, a name a person typed. */
        record Plain(String value) implements Arg { }

        /** A nested message: a code value's label, a reason, a sentence. */
        record Message(Text text) implements Arg { }

        /** A user by id, shown by display name. */
        record User(long id) implements Arg { }

        /** A user by login (the actor columns of timelines and the audit trail), shown by display name. */
        record Login(String username) implements Arg { }

        /** An instant, shown in company time to the minute. */
        record Time(Instant at) implements Arg { }

        /** A calendar date. */
        record Day(LocalDate date) implements Arg { }

        /** An amount of money (yuan), shown with two decimals and the reader's grouping. */
        record Money(BigDecimal amount) implements Arg { }

        static Arg user(long id) {
            return new User(id);
        }

        static Arg login(String username) {
            return new Login(username);
        }

        static Arg money(BigDecimal amount) {
            return new Money(amount);
        }

        static Arg date(LocalDate date) {
            return new Day(date);
        }

        static Arg time(Instant at) {
            return new Time(at);
        }

        /** Instants, dates, texts and enums become their typed argument; an enum is its {@code enum.Type.NAME} label. */
        static Arg of(Object value) {
            if (value == null) {
                return new Plain("");
            } else if (value instanceof Arg a) {
                return a;
            } else if (value instanceof Text t) {
                return new Message(t);
            } else if (value instanceof Instant i) {
                return new Time(i);
            } else if (value instanceof OffsetDateTime o) {
                return new Time(o.toInstant());
            } else if (value instanceof ZonedDateTime z) {
                return new Time(z.toInstant());
            } else if (value instanceof LocalDate d) {
                return new Day(d);
            } else if (value instanceof Enum<?> e) {
                return new Message(label("enum." + e.getDeclaringClass().getSimpleName(), e));
            } else if (value instanceof BigDecimal b) {
                return new Plain(b.toPlainString());
            }
            return new Plain(String.valueOf(value));
        }
    }

    /** The stored form: {@code {"code":"x","args":[{"value":"7"},{"user":3},{"time":"…Z"},{"text":{…}}]}} or {@code {"literal":"…"}}. */
    public String toJson() {
        return JSON.writeValueAsString(node(this));
    }

    /** Reads {@link #toJson()}; anything else (a row from before codes) is a literal. */
    public static Text fromJson(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith("{\"code\"") && !stored.startsWith("{\"literal\"")) {
            return literal(stored);
        }
        try {
            return read(JSON.readTree(stored));
        } catch (RuntimeException e) {
            return literal(stored);
        }
    }

    private static ObjectNode node(Text t) {
        ObjectNode n = JSON.createObjectNode();
        if (t.isLiteral()) {
            return n.put("literal", t.literal());
        }
        n.put("code", t.code());
        ArrayNode args = n.putArray("args");
        for (Arg a : t.args()) {
            ObjectNode o = args.addObject();
            if (a instanceof Arg.Message m) {
                o.set("text", node(m.text()));
            } else if (a instanceof Arg.User u) {
                o.put("user", u.id());
            } else {
                o.put(key(a), String.valueOf(raw(a)));
            }
        }
        return n;
    }

    private static Text read(JsonNode n) {
        if (n.has("literal")) {
            return literal(n.get("literal").asString());
        }
        List<Arg> args = new ArrayList<>();
        for (JsonNode a : n.path("args")) {
            String key = a.propertyNames().iterator().next();
            JsonNode v = a.get(key);
            args.add(switch (key) {
                case "text" -> new Arg.Message(read(v));
                case "user" -> new Arg.User(v.asLong());
                case "login" -> new Arg.Login(v.asString());
                case "time" -> new Arg.Time(Instant.parse(v.asString()));
                case "date" -> new Arg.Day(LocalDate.parse(v.asString()));
                case "money" -> new Arg.Money(new BigDecimal(v.asString()));
                default -> new Arg.Plain(v.asString());
            });
        }
        return new Text(n.get("code").asString(), args, null);
    }

    /** The arguments as plain JSON values for API clients (problem details {@code args}): ids, ISO times, codes. */
    public List<Object> rawArgs() {
        return args.stream().map(Text::raw).toList();
    }

    private static Object raw(Arg a) {
        if (a instanceof Arg.Plain p) {
            return p.value();
        } else if (a instanceof Arg.Message m) {
            return m.text().isLiteral() ? m.text().literal() : m.text().code();
        } else if (a instanceof Arg.User u) {
            return u.id();
        } else if (a instanceof Arg.Login l) {
            return l.username();
        } else if (a instanceof Arg.Time i) {
            return i.at().toString();
        } else if (a instanceof Arg.Day d) {
            return d.date().toString();
        }
        return ((Arg.Money) a).amount().toPlainString();
    }

    private static String key(Arg a) {
        return a instanceof Arg.Plain ? "value" : a instanceof Arg.Login ? "login" : a instanceof Arg.Time ? "time"
                : a instanceof Arg.Day ? "date" : "money";
    }

    @Override
    public String toString() {
        return isLiteral() ? literal : code + rawArgs();
    }
}
