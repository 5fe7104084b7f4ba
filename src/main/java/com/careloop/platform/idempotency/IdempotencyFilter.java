package com.careloop.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import com.careloop.platform.IdempotentCreates;
import com.careloop.platform.Text;
import com.careloop.platform.security.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any API create (POST): the first response is stored and replayed for a
 * retry with the same key and body, so nothing is created twice; the same key with a different body
 * is refused with 422; a retry while the first is still running gets 409. Server errors are not
 * stored, so a retry after one runs again. Keys are per caller. A create that leaves its location on the key
 * ({@link IdempotentCreates}) is also safe against a crash between its commit and the stored answer.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class IdempotencyFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final ProblemWriter problems;
    private final Clock clock;
    private final IdempotentCreates creates;
    private final java.time.Duration abandonedAfter;

    IdempotencyFilter(JdbcClient jdbc, ProblemWriter problems, Clock clock, IdempotentCreates creates,
                      @org.springframework.beans.factory.annotation.Value("${careloop.idempotency.abandoned-after:PT10M}")
                      java.time.Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.clock = clock;
        this.creates = creates;
        this.abandonedAfter = abandonedAfter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 200) {
            problems.write(response, 400, "idempotency-key", Text.of("error.platform.idempotency-key-length"));
            return;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String principal = auth == null ? "anonymous" : auth.getName();
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        byte[] body;
        try {
            body = multipart ? parts(request) : StreamUtils.copyToByteArray(request.getInputStream());
        } catch (IllegalStateException tooLarge) {
            problems.write(response, 422, "validation", Text.of("error.platform.upload-too-large"));
            return;
        }
        String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n",
                body);

        var existing = jdbc.sql("select request_hash, status, content_type, response_body, created_location, created_at, "
                        + "path from idempotency_record where principal = :p and idem_key = :k")
                .param("p", principal).param("k", key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .optional();
        if (existing.isPresent() && !abandoned(existing.get(), hash, principal, key)) {
            replay(existing.get(), hash, response, principal, key);
            return;
        }
        try {
            jdbc.sql("""
                    insert into idempotency_record (principal, idem_key, method, path, request_hash, created_at)
                    values (:p, :k, :m, :path, :h, :now)""")
                    .param("p", principal).param("k", key).param("m", request.getMethod())
                    .param("path", request.getRequestURI()).param("h", hash)
                    .param("now", Timestamp.from(Instant.now(clock))).update();
        } catch (DuplicateKeyException raced) {
            // normally the same key twice at once; the constraint named says if it was anything else
            log.info("Integrity violation on idempotency key {}: {}", key, raced.getMostSpecificCause().getMessage());
            problems.write(response, 409, "idempotency-in-progress", Text.of("error.platform.idempotency-in-progress"));
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        var before = IdempotentCreates.bind(new IdempotentCreates.Key(principal, key));
        try {
            // a multipart request keeps its parsed parts; any other gets its body back
            chain.doFilter(multipart ? request : new ReplayableRequest(request, body), wrapped);
            if (wrapped.getStatus() < 500) {
                jdbc.sql("update idempotency_record set status = :s, content_type = :ct, response_body = :b "
                                + "where principal = :p and idem_key = :k")
                        .param("s", wrapped.getStatus()).param("ct", wrapped.getContentType())
                        .param("b", new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8))
                        .param("p", principal).param("k", key).update();
                stored = true;
            }
        } finally {
            IdempotentCreates.unbind(before);
            if (!stored) {
                jdbc.sql("delete from idempotency_record where principal = :p and idem_key = :k")
                        .param("p", principal).param("k", key).update();
            }
            wrapped.copyBodyToResponse();
        }
    }

    /**
     * A key left "in progress" by a node that died before its create committed: no location, long past its start,
     * on a path whose creates leave their location. It is removed, and this retry runs as the first attempt.
     */
    private boolean abandoned(Stored row, String hash, String principal, String key) {
        if (!hash.equals(row.hash()) || row.status() != null || row.location() != null || !creates.marks(row.path())
                || row.createdAt().plus(abandonedAfter).isAfter(Instant.now(clock))) {
            return false;
        }
        jdbc.sql("delete from idempotency_record where principal = :p and idem_key = :k and status is null "
                + "and created_location is null").param("p", principal).param("k", key).update();
        return true;
    }

    /** The row of a key: the request's hash, and the stored answer (status null while in progress). */
    private record Stored(String hash, Integer status, String contentType, String body, String location,
                          Instant createdAt, String path) {
    }

    private void replay(Stored row, String hash, HttpServletResponse response, String principal, String key)
            throws IOException {
        if (!hash.equals(row.hash())) {
            problems.write(response, 422, "idempotency-mismatch",
                    Text.of("error.platform.idempotency-mismatch"));

            return;
        }
        if (row.status() == null && row.location() != null) {
            // created, but the node died before it stored the answer: send the caller to the record, and keep that
            String body = "{\"location\":\"" + row.location() + "\"}";
            jdbc.sql("update idempotency_record set status = 303, content_type = :ct, response_body = :b "
                            + "where principal = :p and idem_key = :k and status is null")
                    .param("ct", "application/json").param("b", body).param("p", principal).param("k", key).update();
            row = new Stored(row.hash(), 303, "application/json", body, row.location(), row.createdAt(), row.path());
        }
        if (row.status() == null) {
            problems.write(response, 409, "idempotency-in-progress", Text.of("error.platform.idempotency-in-progress"));
            return;
        }
        response.setStatus(row.status());
        if (row.contentType() != null) {
            response.setContentType(row.contentType());
        }
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Idempotent-Replayed", "true");
        if (row.location() != null) {
            response.setHeader("Location", row.location());
        }
        response.getOutputStream().write(row.body() == null ? new byte[0] : row.body().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An upload is identified by its parts, not its raw body: a retry of the same file comes with
     * another multipart boundary. Parsing here leaves the parts on the request for the controller.
     */
    private static byte[] parts(HttpServletRequest request) throws IOException, ServletException {
        var out = new java.io.ByteArrayOutputStream();
        var parts = new java.util.ArrayList<>(request.getParts());
        parts.sort(java.util.Comparator.comparing(jakarta.servlet.http.Part::getName));
        for (var part : parts) {
            out.writeBytes((part.getName() + "\0" + part.getSubmittedFileName() + "\0").getBytes(StandardCharsets.UTF_8));
            try (var in = part.getInputStream()) {
                in.transferTo(out);
            }
        }
        return out.toByteArray();
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body was read to hash it; hand the same bytes on to the controller. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The body is already in memory: an async reader is told at once that all of it is there. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (java.io.IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
