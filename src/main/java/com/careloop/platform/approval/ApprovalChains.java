package com.careloop.platform.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.DomainException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Versions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chains as data: read them, and replace a chain's stages (with the version the editor saw: stale → 409; a
 * chain that cannot run → 422 naming the field). Running approvals keep the snapshot they started with.
 */
@Service
@Transactional
public class ApprovalChains {

    static final String RECORD_TYPE = "approval-chain";

    public record Chain(String code, String nameCode, List<ChainStages.Stage> stages, long version, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final Assignees assignees;
    private final AuditTrail audit;
    private final Clock clock;

    ApprovalChains(JdbcClient jdbc, Assignees assignees, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.assignees = assignees;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Chain> all() {
        return jdbc.sql("select code, name_code, stages, version, updated_at from approval_chain order by code")
                .query((rs, n) -> new Chain(rs.getString(1), rs.getString(2), ChainStages.parse(rs.getString(3)),
                        rs.getLong(4), rs.getTimestamp(5).toInstant())).list();
    }

    @Transactional(readOnly = true)
    public Optional<Chain> find(String code) {
        return jdbc.sql("select code, name_code, stages, version, updated_at from approval_chain where code = :c")
                .param("c", code)
                .query((rs, n) -> new Chain(rs.getString(1), rs.getString(2), ChainStages.parse(rs.getString(3)),
                        rs.getLong(4), rs.getTimestamp(5).toInstant())).optional();
    }

    public Chain update(String code, Long version, List<ChainStages.Stage> stages) {
        Chain chain = find(code).orElseThrow(() -> new NotFoundException(RECORD_TYPE, code));
        Versions.requireCurrent(version, chain.version(), RECORD_TYPE, code);
        ChainStages.validate(stages, assignees::exists);
        return write(chain, version, ChainStages.write(ChainStages.normalised(stages)), "UPDATE");
    }

    /** The stages the chain was seeded with (V130), empty for a chain that has none recorded. */
    @Transactional(readOnly = true)
    public Optional<List<ChainStages.Stage>> defaultStages(String code) {
        return jdbc.sql("select default_stages from approval_chain where code = :c and default_stages is not null")
                .param("c", code).query(String.class).optional().map(ChainStages::parse);
    }

    /**
     * Back to the seeds' stages (with the version the editor saw: stale → 409); a chain without recorded defaults is
     * 409 {@code approvals.chain-no-default}. Not validated again: the defaults are what the product shipped, and a
     * department the seeds name may since have been removed — the run-time rule (no one → approval administrators)
     * covers that.
     */
    public Chain reset(String code, Long version) {
        Chain chain = find(code).orElseThrow(() -> new NotFoundException(RECORD_TYPE, code));
        Versions.requireCurrent(version, chain.version(), RECORD_TYPE, code);
        List<ChainStages.Stage> defaults = defaultStages(code).orElseThrow(() -> DomainException.of("approvals.chain-no-default", code));
        return write(chain, version, ChainStages.write(defaults), "RESET");
    }

    private Chain write(Chain chain, Long version, String after, String action) {
        String code = chain.code();
        String before = ChainStages.write(chain.stages());
        int updated = jdbc.sql("""
                update approval_chain set stages = :s, version = version + 1, updated_at = :at
                where code = :c and version = :v""")
                .param("s", after).param("at", Timestamp.from(Instant.now(clock))).param("c", code)
                .param("v", chain.version()).update();
        if (updated == 0) {
            Versions.requireCurrentIfGiven(version, version + 1, RECORD_TYPE, code);
        }
        audit.record(RECORD_TYPE, code, action, AuditTrail.diff(Map.of("stages", before, "version", chain.version()),
                Map.of("stages", after, "version", chain.version() + 1)));
        return find(code).orElseThrow();
    }
}
