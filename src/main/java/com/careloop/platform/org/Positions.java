package com.careloop.platform.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Positions (岗位) as data: the built-in ones migrated from the former fixed list, and those an administrator adds
 * (销售副总经理, 总工程师, 合同管理员 …). Users hold a position by its code; approval chain steps of kind POSITION name
 * one. A position in use (an active user or an approval chain) cannot be retired (409).
 */
@Service
@Transactional
public class Positions {

    public record SavePosition(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9_]+", message = "{validation.roleCode}") String code,
            @NotBlank @Size(max = 100) String nameZhCn,
            @Size(max = 100) String nameZhTw,
            @Size(max = 100) String nameEn,
            @PositiveOrZero Integer sortOrder,
            Long version) {
    }

    public record PositionView(long id, String code, String nameZhCn, String nameZhTw, String nameEn, int sortOrder,
                               boolean active, boolean builtIn, long userCount, long version) {
        /** The name in a language, zh-CN when that language has none. */
        public String name(Locale locale) {
            String lang = locale == null ? "zh" : locale.getLanguage();
            String country = locale == null ? "" : locale.getCountry();
            String script = locale == null ? "" : locale.getScript();
            String name = "en".equals(lang) ? nameEn
                    : "zh".equals(lang) && ("TW".equals(country) || "HK".equals(country) || "Hant".equals(script))
                    ? nameZhTw : nameZhCn;
            return name == null || name.isBlank() ? nameZhCn : name;
        }
    }

    private final JobPositionRepository positions;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    /** Positions by code, under one key; another node's change is read here within 10 s (docs/deployment.md). */
    private final Cache<Boolean, Map<String, PositionView>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10)).build();

    Positions(JobPositionRepository positions, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.positions = positions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every position, active first, in the administrator's order. */
    @Transactional(readOnly = true)
    public List<PositionView> all() {
        return jdbc.sql("""
                select p.id, p.code, p.name_zh_cn, p.name_zh_tw, p.name_en, p.sort_order, p.active, p.built_in, p.version,
                       (select count(*) from app_user u where u.position = p.code and u.active = true) users
                from job_position p order by p.active desc, p.sort_order, p.id""")
                .query((rs, n) -> new PositionView(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh_cn"),
                        rs.getString("name_zh_tw"), rs.getString("name_en"), rs.getInt("sort_order"),
                        rs.getBoolean("active"), rs.getBoolean("built_in"), rs.getLong("users"), rs.getLong("version")))
                .list();
    }

    /** The active positions, for a select. */
    @Transactional(readOnly = true)
    public List<PositionView> active() {
        return all().stream().filter(PositionView::active).toList();
    }

    @Transactional(readOnly = true)
    public PositionView position(long id) {
        return all().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("position", id));
    }

    /** Whether a position with this code exists (active or retired). */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return code != null && byCode().containsKey(code);
    }

    /** The label of a position in a language; empty for an unknown code. */
    @Transactional(readOnly = true)
    public Optional<String> label(String code, Locale locale) {
        return Optional.ofNullable(code == null ? null : byCode().get(code)).map(p -> p.name(locale));
    }

    /** A user may be given only an active position: 422 on {@code field} otherwise. */
    @Transactional(readOnly = true)
    public void requireActive(String field, String code) {
        PositionView p = code == null ? null : byCode().get(code);
        if (p == null || !p.active()) {
            throw new InvalidInputException(field, "exists", Text.of("error.platform.no-position", String.valueOf(code)));
        }
    }

    public PositionView create(SavePosition cmd) {
        if (positions.existsByCode(cmd.code())) {
            throw new InvalidInputException("code", "unique", Text.of("error.platform.position-code-taken", cmd.code()));
        }
        JobPosition p = positions.saveAndFlush(JobPosition.create(cmd.code(), cmd.nameZhCn().trim(),
                blank(cmd.nameZhTw()), blank(cmd.nameEn()), orZero(cmd.sortOrder()), now()));
        audit.created(p);
        return changed(p.getId());
    }

    /** Rename (names in the three languages, order); the code never changes. */
    public PositionView update(long id, SavePosition cmd) {
        JobPosition p = positions.findById(id).orElseThrow(() -> new NotFoundException("position", id));
        if (cmd.version() != null && cmd.version() != p.getVersion()) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(JobPosition.class, id);
        }
        if (!p.getCode().equals(cmd.code())) {
            throw new InvalidInputException("code", "immutable", Text.of("error.platform.position-code-cannot-change"));
        }
        var before = p.auditState();
        p.rename(cmd.nameZhCn().trim(), blank(cmd.nameZhTw()), blank(cmd.nameEn()), orZero(cmd.sortOrder()), now());
        positions.saveAndFlush(p);
        audit.changed(p, "UPDATE", before);
        return changed(id);
    }

    /** Retire a position nobody holds and no approval chain names (409 otherwise). */
    public PositionView retire(long id) {
        JobPosition p = positions.findById(id).orElseThrow(() -> new NotFoundException("position", id));
        long holders = jdbc.sql("select count(*) from app_user where position = :c and active = true")
                .param("c", p.getCode()).query(Long.class).single();
        if (holders > 0) {
            throw new DomainException("position.in-use", Text.of("error.platform.position-has-users", holders));
        }
        List<String> chains = jdbc.sql("select code from approval_chain where stages like :ref order by code")
                .param("ref", "%\"kind\":\"POSITION\",\"ref\":\"" + p.getCode() + "\"%").query(String.class).list();
        if (!chains.isEmpty()) {
            throw new DomainException("position.in-use", Text.of("error.platform.position-in-chain", String.join(", ", chains)));
        }
        var before = p.auditState();
        p.retire(now());
        positions.saveAndFlush(p);
        audit.changed(p, "RETIRE", before);
        return changed(id);
    }

    public PositionView reactivate(long id) {
        JobPosition p = positions.findById(id).orElseThrow(() -> new NotFoundException("position", id));
        var before = p.auditState();
        p.reactivate(now());
        positions.saveAndFlush(p);
        audit.changed(p, "REACTIVATE", before);
        return changed(id);
    }

    private PositionView changed(long id) {
        cache.invalidateAll();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            cache.invalidateAll();
                        }
                    });
        }
        return position(id);
    }

    private Map<String, PositionView> byCode() {
        return cache.get(Boolean.TRUE,
                k -> all().stream().collect(Collectors.toUnmodifiableMap(PositionView::code, Function.identity())));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
