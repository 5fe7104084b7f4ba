package com.careloop.survey.invite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.careloop.survey.InvitationChannel;
import com.careloop.survey.PublicTitle;
import com.careloop.survey.SurveyCampaignStatus;
import com.careloop.survey.SurveyCampaignViews.CustomerInvitation;
import com.careloop.survey.SurveyCampaignViews.Invitation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invitations of a campaign over plain JDBC: created in one JDBC batch at send (100,000 rows in a few
 * seconds), counted with one grouped query for the response rate, found by the hash of their token.
 * An invitation counts as answered when it has a response (or its answered_at is set).
 */
@Component
public class InvitationStore {

    /** An invitation about to be created; {@code tokenHash} null for the agent channels. */
    public record NewInvitation(long customerId, String customerName, String email, String stratum,
                                InvitationChannel channel, String language, String tokenHash, Instant tokenExpiresAt,
                                String phone) {
    }

    /** Whom to send a link: an e-mail or SMS invitation and the new token it gets. */
    public record Recipient(long id, String customerName, String email, String language, InvitationChannel channel,
                            String phone) {
        /** The e-mail address or phone the link goes to (null: none). */
        public String address() {
            return channel == InvitationChannel.SMS ? phone : channel == InvitationChannel.EMAIL ? email : null;
        }
    }

    private static final String LINK_CHANNELS = "('EMAIL', 'SMS')";
    private static final String RECIPIENT = "select i.id, i.customer_name, i.email, i.language, i.channel, i.phone"
            + " from survey_invitation i";

    /** A token's invitation with what the public page needs. */
    public record TokenInvitation(long id, long campaignId, PublicTitle title, SurveyCampaignStatus campaignStatus,
                                  long templateId, long customerId, String customerName, InvitationChannel channel,
                                  String language, Instant expiresAt, boolean answered) {
    }

    /** sent and answered per channel and stratum. */
    public record Count(InvitationChannel channel, String stratum, long sent, long answered) {
    }

    public static final String ANSWERED = "(i.answered_at is not null or exists (select 1 from survey_response r "
            + "where r.invitation_id = i.id))";

    private static final String INSERT = """
            insert into survey_invitation (campaign_id, customer_id, customer_name, email, stratum, channel, language,
              token_hash, token_expires_at, sent_at, mail_status, phone, version) values\s""";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final int[] INSERT_TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP,
            Types.VARCHAR, Types.VARCHAR};
    private static final int CHUNK = 1_000;
    private static final String SELECT = "select i.*, " + ANSWERED + " answered, (select min(r.answered_at) from"
            + " survey_response r where r.invitation_id = i.id) response_at from survey_invitation i";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    InvitationStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts the invitations in multi-row statements of {@value #CHUNK} rows (portable H2/PostgreSQL SQL):
     * 100,000 invitations are 100 statements instead of 100,000 batched ones.
     */
    public void insertAll(long campaignId, List<NewInvitation> invitations, Instant sentAt) {
        Timestamp at = Timestamp.from(sentAt);
        for (int from = 0; from < invitations.size(); from += CHUNK) {
            List<NewInvitation> chunk = invitations.subList(from, Math.min(invitations.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder(INSERT);
            Object[] args = new Object[chunk.size() * INSERT_TYPES.length];
            int[] types = new int[args.length];
            int k = 0;
            for (NewInvitation n : chunk) {
                sql.append(k == 0 ? "" : ",").append(ROW);
                Object[] row = {campaignId, n.customerId(), n.customerName(), n.email(), n.stratum(),
                        n.channel().name(), n.language(), n.tokenHash(),
                        n.tokenExpiresAt() == null ? null : Timestamp.from(n.tokenExpiresAt()), at,
                        n.channel().personalLink() ? "PENDING" : null, n.phone()};
                System.arraycopy(row, 0, args, k, row.length);
                System.arraycopy(INSERT_TYPES, 0, types, k, row.length);
                k += row.length;
            }
            batch.update(sql.toString(), args, types);
        }
    }

    public List<Count> counts(long campaignId) {
        return jdbc.sql("select i.channel, i.stratum, count(*), sum(case when " + ANSWERED
                        + " then 1 else 0 end) from survey_invitation i where i.campaign_id = :c group by i.channel, i.stratum")
                .param("c", campaignId)
                .query((rs, n) -> new Count(InvitationChannel.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
                        rs.getLong(4)))
                .list();
    }

    /** The non-respondents of a campaign, only the invitations sent as a link (e-mail, SMS) when {@code linksOnly}. */
    public List<Recipient> nonRespondents(long campaignId, boolean linksOnly) {
        return jdbc.sql(RECIPIENT + " where i.campaign_id = :c and not " + ANSWERED
                        + (linksOnly ? " and i.channel in " + LINK_CHANNELS : "") + " order by i.id")
                .param("c", campaignId).query(InvitationStore::recipient).list();
    }

    public Optional<Recipient> recipient(long campaignId, long invitationId) {
        return jdbc.sql(RECIPIENT + " where i.campaign_id = :c and i.id = :id")
                .param("c", campaignId).param("id", invitationId).query(InvitationStore::recipient).optional();
    }

    private static Recipient recipient(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                InvitationChannel.valueOf(rs.getString(5)), rs.getString(6));
    }

    /**
     * A new token (the old link stops working) and the mail marked pending; {@code column} the step's time
     * (null for a plain resend). Rows are {id, hash, expiry}.
     */
    public void reissue(List<Object[]> idHashExpiry, String column, Instant at) {
        if (column != null && !List.of("reminded_at", "supplementary_sent_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        List<Object[]> rows = new ArrayList<>(idHashExpiry.size());
        Timestamp now = Timestamp.from(at);
        for (Object[] r : idHashExpiry) {
            rows.add(new Object[] {r[1], Timestamp.from((Instant) r[2]), now, r[0]});
        }
        batch.batchUpdate("update survey_invitation set token_hash = ?, token_expires_at = ?, mail_status = 'PENDING', "
                + "mail_error = null, " + (column == null ? "mail_sent_at" : column) + " = ?, version = version + 1"
                + " where id = ?", rows,
                new int[] {Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.BIGINT});
    }

    /** A new token for one invitation shown to an agent (no mail): the earlier link stops working. */
    public void newLink(long invitationId, String hash, Instant expiresAt) {
        jdbc.sql("update survey_invitation set token_hash = :h, token_expires_at = :e, version = version + 1 where id = :id")
                .param("h", hash).param("e", Timestamp.from(expiresAt)).param("id", invitationId).update();
    }

    /** The supplementary round also reaches the agent channels: they are called / handed a form again. */
    public int markSupplementary(long campaignId, Instant at) {
        return jdbc.sql("update survey_invitation set supplementary_sent_at = :at where campaign_id = :c"
                        + " and channel not in " + LINK_CHANNELS + " and answered_at is null and not exists (select 1 from survey_response r"
                        + " where r.invitation_id = survey_invitation.id)")
                .param("at", Timestamp.from(at)).param("c", campaignId).update();
    }

    /** Mail outcomes: {id, status, error, sentAt}. */
    public void markMails(List<Object[]> outcomes) {
        batch.batchUpdate("update survey_invitation set mail_status = ?, mail_error = ?, mail_sent_at = ? where id = ?",
                outcomes, new int[] {Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.BIGINT});
    }

    public List<Invitation> list(long campaignId, InvitationChannel channel, int limit) {
        return jdbc.sql(SELECT + " where i.campaign_id = :c and (:ch = '' or i.channel = :ch) order by i.id limit :limit")
                .param("c", campaignId).param("ch", channel == null ? "" : channel.name()).param("limit", limit)
                .query(InvitationStore::invitation).list();
    }

    public Optional<Invitation> one(long campaignId, long invitationId) {
        return jdbc.sql(SELECT + " where i.campaign_id = :c and i.id = :id").param("c", campaignId)
                .param("id", invitationId).query(InvitationStore::invitation).optional();
    }

    /** customer id -> invitation id of the campaign's e-mail and SMS invitations (to address the links after insert). */
    public java.util.Map<Long, Long> linkInvitationIds(long campaignId) {
        java.util.Map<Long, Long> ids = new java.util.HashMap<>();
        jdbc.sql("select customer_id, id from survey_invitation where campaign_id = :c and channel in " + LINK_CHANNELS)
                .param("c", campaignId).query(rs -> {
                    ids.put(rs.getLong(1), rs.getLong(2));
                });
        return ids;
    }

    public Optional<TokenInvitation> byTokenHash(String hash) {
        return jdbc.sql("select i.id, i.campaign_id, c.status, c.template_id, i.customer_id, i.customer_name,"
                        + " i.channel, i.language, i.token_expires_at, " + ANSWERED + " answered,"
                        + " c.public_title, c.public_title_zh_tw, c.public_title_en"
                        + " from survey_invitation i join survey_campaign c on c.id = i.campaign_id where i.token_hash = :h")
                .param("h", hash)
                .query((rs, n) -> new TokenInvitation(rs.getLong(1), rs.getLong(2),
                        new PublicTitle(rs.getString(11), rs.getString(12), rs.getString(13)),
                        SurveyCampaignStatus.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getString(6),
                        InvitationChannel.valueOf(rs.getString(7)), rs.getString(8), instant(rs, 9), rs.getBoolean(10)))
                .optional();
    }

    public List<CustomerInvitation> forCustomer(long customerId, int limit) {
        return jdbc.sql("""
                select c.id, c.code, c.name, i.channel, i.sent_at, coalesce(r.answered_at, i.answered_at) answered_at,
                       r.respondent_class
                from survey_invitation i join survey_campaign c on c.id = i.campaign_id
                left join survey_response r on r.invitation_id = i.id
                where i.customer_id = :cust order by i.id desc limit :limit""")
                .param("cust", customerId).param("limit", limit)
                .query((rs, n) -> new CustomerInvitation(rs.getLong(1), rs.getString(2), rs.getString(3),
                        InvitationChannel.valueOf(rs.getString(4)), instant(rs, 5), instant(rs, 6), rs.getString(7)))
                .list();
    }

    private static Invitation invitation(ResultSet rs, int n) throws SQLException {
        Instant answeredAt = instant(rs, "answered_at");
        if (answeredAt == null && rs.getBoolean("answered")) {
            answeredAt = instant(rs, "response_at");
        }
        return new Invitation(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
                rs.getString("email"), rs.getString("stratum"), InvitationChannel.valueOf(rs.getString("channel")),
                rs.getString("language"), instant(rs, "sent_at"), instant(rs, "reminded_at"),
                instant(rs, "supplementary_sent_at"), answeredAt, rs.getString("mail_status"),
                rs.getString("mail_error"), instant(rs, "token_expires_at"));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
