package com.careloop.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.CustomerPopulation;
import com.careloop.customer.CustomerPopulation.Member;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CustomerMessages;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.survey.SurveyCampaignCommands.CreateCampaign;
import com.careloop.survey.SurveyCampaignCommands.Draw;
import com.careloop.survey.SurveyCampaignCommands.PopulationFilter;
import com.careloop.survey.SurveyCampaignCommands.Retitle;
import com.careloop.survey.SurveyCampaignCommands.Step;
import com.careloop.survey.SurveyCampaignViews.CustomerInvitation;
import com.careloop.survey.SurveyCampaignViews.Detail;
import com.careloop.survey.SurveyCampaignViews.Invitation;
import com.careloop.survey.SurveyCampaignViews.Page;
import com.careloop.survey.SurveyCampaignViews.PersonalLink;
import com.careloop.survey.SurveyCampaignViews.Preview;
import com.careloop.survey.SurveyCampaignViews.Rate;
import com.careloop.survey.SurveyCampaignViews.Rates;
import com.careloop.survey.SurveyCampaignViews.Row;
import com.careloop.survey.SurveyCampaignViews.SendCheck;
import com.careloop.survey.SurveyCampaignViews.StratumShare;
import com.careloop.survey.campaign.SurveyCampaign;
import com.careloop.survey.campaign.SurveyCampaignRepository;
import com.careloop.survey.invite.InvitationLinks;
import com.careloop.survey.invite.InvitationLinks.Kind;
import com.careloop.survey.invite.InvitationLinks.Outgoing;
import com.careloop.survey.invite.InvitationStore;
import com.careloop.survey.invite.InvitationStore.Count;
import com.careloop.survey.invite.InvitationStore.NewInvitation;
import com.careloop.survey.invite.InvitationStore.Recipient;
import com.careloop.survey.invite.InvitationTokens;
import com.careloop.survey.invite.SurveyCampaignProperties;
import com.careloop.survey.sampling.SampleDraw;
import com.careloop.survey.sampling.SampleSize;
import com.careloop.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Survey campaigns (SPEC §7): plan, draw the sample by the procedure's table (N, the rule, n and the seed
 * shown before anything is sent), send the personal links and the agents' call lists, remind, run the
 * supplementary round (追加调查) when the response rate misses the target, close. Each step one transaction:
 * campaign, invitations and audit entry commit together, mails go out after commit.
 */
@Service
@Transactional
public class SurveyCampaigns {

    public static final String RECORD_TYPE = SurveyCampaign.RECORD_TYPE;

    private static final SecureRandom SEEDS = new SecureRandom();
    private static final TypeReference<List<StratumShare>> STRATA = new TypeReference<>() { };

    private final SurveyCampaignRepository campaigns;
    private final CustomerPopulation population;
    private final InvitationStore invitations;
    private final InvitationLinks mailer;
    private final SurveyCampaignProperties settings;
    private final CareLoopProperties platform;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Clock clock;

    SurveyCampaigns(SurveyCampaignRepository campaigns, CustomerPopulation population, InvitationStore invitations,
                    InvitationLinks mailer, SurveyCampaignProperties settings, CareLoopProperties platform,
                    RecordNumbers numbers, AuditTrail audit, CurrentUsers users, MessageSource messages,
                    JsonMapper json, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.population = population;
        this.invitations = invitations;
        this.mailer = mailer;
        this.settings = settings;
        this.platform = platform;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.messages = messages;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- steps -------------------------------------------------------------------------------

    /** Plans a campaign on a published template revision (the campaign keeps that revision). */
    public Detail create(CreateCampaign cmd) {
        String status = jdbc.sql("select status from survey_template where id = :id").param("id", cmd.templateId())
                .query(String.class).optional().orElseThrow(() -> new InvalidInputException("templateId", "exists",
                        Text.of("error.survey.no-survey-template-0", cmd.templateId())));
        if (!"PUBLISHED".equals(status)) {
            throw new InvalidInputException("templateId", "published",
                    Text.of("error.survey.only-published-template-revision"));
        }
        PopulationFilter filter = cmd.population() == null ? new PopulationFilter(Set.of(), null, null, null, true)
                : cmd.population();
        SurveyCampaign c = SurveyCampaign.plan(numbers.next(RECORD_TYPE), cmd.name(), cmd.templateId(), cmd.periodFrom(),
                cmd.periodTo(), cmd.deadline(), json.writeValueAsString(filter), cmd.defaultChannel(),
                cmd.sampleFraction(), cmd.stratifyBy(), cmd.responseTarget(), users.actorName(), now());
        c.retitle(cmd.publicTitle(), now());
        campaigns.saveAndFlush(c);
        audit.created(c);
        return detail(c.getId());
    }

    /** Draws the sample (or redraws it while SAMPLED); {@code seed} null = a new random seed. */
    public Detail draw(long id, Draw cmd) {
        long seed = cmd == null || cmd.seed() == null ? SEEDS.nextLong() : cmd.seed();
        return change(id, cmd == null ? null : cmd.version(), "DRAW", c -> {
            SampleDraw.Result r = draw(c, seed);
            c.sample(new SurveyCampaign.Sampled(r.population(), r.inFull(), ruleText(r.population(), r.inFull(),
                    r.rule(), java.util.Locale.SIMPLIFIED_CHINESE), r.sampleSize(), seed, strataJson(r)), now());
        });
    }

    /**
     * Sends: the sample of the stored seed becomes the invitations (one JDBC batch), e-mail links after
     * commit. A population that changed since the preview is refused (409): redraw and check the new figures.
     */
    public Detail send(long id, Step cmd) {
        Instant now = now();
        return change(id, cmd == null ? null : cmd.version(), "SEND", c -> {
            c.send(now);
            Map<Long, Member> byId = new HashMap<>();
            SampleDraw.Result r = draw(c, c.getSeed() == null ? 0 : c.getSeed(), byId);
            if (c.getPopulationSize() == null || r.population() != c.getPopulationSize()
                    || r.sampleSize() != c.getSampleSize()) {
                throw new DomainException("population-changed", Text.of("error.survey.population-changed",
                        String.valueOf(c.getPopulationSize()), String.valueOf(r.population())));

            }
            Instant expires = expiry(c.getDeadline());
            List<NewInvitation> rows = new ArrayList<>(r.drawn().size());
            Map<Long, String> tokens = new HashMap<>();
            Map<Long, InvitationChannel> linkChannels = new HashMap<>();
            boolean sms = mailer.smsConfigured();
            for (long customerId : r.drawn()) {
                Member m = byId.get(customerId);
                InvitationChannel channel = channel(c.getDefaultChannel(), m, sms);
                String hash = null;
                if (channel.personalLink()) {
                    var token = InvitationTokens.generate();
                    tokens.put(customerId, token.value());
                    linkChannels.put(customerId, channel);
                    hash = token.hash();
                }
                rows.add(new NewInvitation(customerId, m.name(), m.email(), stratum(c.getStratifyBy(), m), channel,
                        m.language() == null ? "zh-CN" : m.language(), hash, hash == null ? null : expires,
                        channel == InvitationChannel.SMS ? CustomerMessages.smsNumber(m.phone()) : null));
            }
            invitations.insertAll(c.getId(), rows, now);
            if (!tokens.isEmpty()) {
                List<Outgoing> mails = new ArrayList<>(tokens.size());
                Map<Long, Long> ids = invitations.linkInvitationIds(c.getId());
                for (Map.Entry<Long, String> t : tokens.entrySet()) {
                    Member m = byId.get(t.getKey());
                    InvitationChannel channel = linkChannels.get(t.getKey());
                    mails.add(new Outgoing(ids.get(t.getKey()), channel,
                            channel == InvitationChannel.SMS ? CustomerMessages.smsNumber(m.phone()) : m.email(),
                            m.name(), m.language() == null ? "zh-CN" : m.language(), t.getValue(), expires));
                }
                mailer.sendAfterCommit(c.publicTitle(), Kind.INVITE, mails);
            }
        });
    }

    /** A reminder (new link) to the e-mail non-respondents; at most once per calendar day. */
    public Detail remind(long id, Step cmd) {
        Instant now = now();
        return change(id, cmd == null ? null : cmd.version(), "REMIND", c -> {
            c.remind(LocalDate.now(clock.withZone(platform.zone())).atStartOfDay(platform.zone()).toInstant(), now);
            reissue(c, invitations.nonRespondents(c.getId(), true), "reminded_at", Kind.REMIND, expiry(c.getDeadline()));
        });
    }

    /**
     * The supplementary round (追加调查): only while answered / sent is below the target. The rate at this
     * moment is kept as "before"; the e-mail non-respondents get a new link (the old one stops working) valid
     * until the end of today (or the deadline, if later) plus the grace period; the agent channels' open
     * invitations are marked to be called / handed a form again.
     */
    public Detail supplementaryRound(long id, Step cmd) {
        Instant now = now();
        return change(id, cmd == null ? null : cmd.version(), "SUPPLEMENTARY_ROUND", c -> {
            long sent = 0;
            long answered = 0;
            for (Count n : invitations.counts(c.getId())) {
                sent += n.sent();
                answered += n.answered();
            }
            c.startSupplementary((int) sent, (int) answered, now);
            reissue(c, invitations.nonRespondents(c.getId(), true), "supplementary_sent_at", Kind.SUPPLEMENTARY,
                    renewedExpiry(c));
            invitations.markSupplementary(c.getId(), now);
        });
    }

    public Detail close(long id, Step cmd) {
        return change(id, cmd == null ? null : cmd.version(), "CLOSE", c -> c.close(now()));
    }

    /** Mails one e-mail invitation again with a new link (a failed mail, or a customer who lost it). */
    public Invitation resend(long id, long invitationId) {
        SurveyCampaign c = load(id);
        Invitation i = openInvitation(c, invitationId, "resend");
        if (!i.channel().personalLink() || (i.channel() == InvitationChannel.EMAIL && i.email() == null)) {
            throw new DomainException("not-email", Text.of("error.survey.invitation-sent-e-mail"));
        }
        Recipient r = invitations.recipient(id, invitationId).orElseThrow();
        reissue(c, List.of(r), null, c.getSupplementaryAt() == null ? Kind.INVITE : Kind.SUPPLEMENTARY, renewedExpiry(c));
        audit.record(RECORD_TYPE, String.valueOf(id), "RESEND", List.of(new com.careloop.platform.FieldChange(
                "invitation", null, String.valueOf(invitationId))));
        return invitation(id, invitationId);
    }

    /** Sets the title the customer reads on the token page and in the mails (any state but CLOSED). */
    public Detail retitle(long id, Retitle cmd) {
        return change(id, cmd.version(), "RETITLE", c -> c.retitle(cmd.publicTitle(), now()));
    }

    /**
     * What the send will do, said before it: how many of the drawn customers have no e-mail address and whether
     * outgoing mail is configured. Only while SAMPLED (the stored seed gives the sample the send will use).
     */
    @Transactional(readOnly = true)
    public SendCheck sendCheck(long id) {
        SurveyCampaign c = load(id);
        if (c.getStatus() != SurveyCampaignStatus.SAMPLED) {
            throw new DomainException("invalid-state", Text.of("error.survey.send-check-drawn-only"), Map.of("status", c.getStatus().name()));
        }
        Map<Long, Member> byId = new HashMap<>();
        SampleDraw.Result r = draw(c, c.getSeed() == null ? 0 : c.getSeed(), byId);
        int withoutEmail = (int) r.drawn().stream().map(byId::get).filter(m -> m.email() == null || m.email().isBlank())
                .count();
        return new SendCheck(r.drawn().size(), withoutEmail, c.getDefaultChannel(), mailer.configured());
    }

    /**
     * A new personal link for one invitation, for an agent to copy or show as a QR code (WeChat, paper). Only
     * the token's hash is stored, so the link cannot be shown again: a new token is issued, the invitation's earlier
     * link stops working, and the campaign's audit trail says who did it (LINK_REISSUED). An answered
     * invitation or a campaign not (or no longer) out refuses it with 409.
     */
    public PersonalLink reissueLink(long id, long invitationId) {
        SurveyCampaign c = load(id);
        openInvitation(c, invitationId, "link");
        Instant expires = renewedExpiry(c);
        var token = InvitationTokens.generate();
        invitations.newLink(invitationId, token.hash(), expires);
        audit.record(RECORD_TYPE, String.valueOf(id), "LINK_REISSUED", List.of(new com.careloop.platform.FieldChange(
                "invitation", null, String.valueOf(invitationId))));
        return new PersonalLink(invitationId, platform.baseUrl() + "/s/" + token.value(), expires);
    }

    // ---- jobs --------------------------------------------------------------------------------

    /** Campaigns whose deadline day is over, still SENT and below target: their supplementary round. */
    public List<Long> dueForSupplementary(LocalDate today) {
        return jdbc.sql("select id from survey_campaign where status = 'SENT' and deadline < :today order by id")
                .param("today", today).query(Long.class).list();
    }

    /** Open campaigns whose deadline is {@code daysBefore} days after today: the automatic reminder. */
    public List<Long> dueForReminder(LocalDate today, int daysBefore) {
        return jdbc.sql("select id from survey_campaign where status in ('SENT', 'SUPPLEMENTARY') and deadline = :d"
                        + " order by id")
                .param("d", today.plusDays(daysBefore)).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    public boolean belowTarget(long id) {
        Rates r = rates(id);
        return !r.reached();
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        SurveyCampaign c = load(id);
        return new Detail(c.getId(), c.getCode(), c.getName(), c.getTemplateId(), c.getPeriodFrom(), c.getPeriodTo(),
                c.getDeadline(), c.getStatus(), filter(c), c.getDefaultChannel(), c.getSampleFraction(),
                c.getStratifyBy(), c.getResponseTarget(), preview(c), rates(c), c.getRemindedAt(),
                c.getSupplementaryAt(), c.getClosedAt(), c.getCreatedBy(), c.getCreatedAt(), c.getVersion(),
                c.publicTitle());
    }

    /** The campaigns, newest first, paged by id (cursor = the last id seen). */
    @Transactional(readOnly = true)
    public Page search(SurveyCampaignStatus status, String cursor, int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : parseCursor(cursor);
        List<Row> rows = jdbc.sql("""
                select c.id, c.code, c.name, c.status, c.deadline, c.population_size, c.sample_size,
                  (select count(*) from survey_invitation i where i.campaign_id = c.id) sent,
                  (select count(*) from survey_invitation i where i.campaign_id = c.id and\s""" + InvitationStore.ANSWERED
                        + """
                ) answered
                from survey_campaign c where c.id < :before and (:status = '' or c.status = :status)
                order by c.id desc limit :limit""")
                .param("before", before).param("status", status == null ? "" : status.name()).param("limit", limit + 1)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        SurveyCampaignStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                        (Integer) rs.getObject(6, Integer.class), (Integer) rs.getObject(7, Integer.class), rs.getLong(8),
                        rs.getLong(9), percent(rs.getLong(8), rs.getLong(9))))
                .list();
        String next = rows.size() > limit ? String.valueOf(rows.get(limit - 1).id()) : null;
        return new Page(rows.size() > limit ? rows.subList(0, limit) : rows, next);
    }

    @Transactional(readOnly = true)
    public Rates rates(long id) {
        return rates(load(id));
    }

    @Transactional(readOnly = true)
    public List<Invitation> invitations(long id, InvitationChannel channel) {
        load(id);
        return invitations.list(id, channel, 100_000);
    }

    @Transactional(readOnly = true)
    public Invitation invitation(long id, long invitationId) {
        return invitations.one(id, invitationId).orElseThrow(() -> new NotFoundException("survey-invitation", invitationId));
    }

    /** The customer's invitations and answers (customer 360), newest first. */
    @Transactional(readOnly = true)
    public List<CustomerInvitation> forCustomer(long customerId) {
        return invitations.forCustomer(customerId, 20);
    }

    // ---- internals ---------------------------------------------------------------------------

    private Detail change(long id, Long version, String action, Consumer<SurveyCampaign> step) {
        SurveyCampaign c = load(id);
        audit.change(c, version, c.getVersion(), action, step, campaigns::saveAndFlush);
        return detail(id);
    }

    private void reissue(SurveyCampaign c, List<Recipient> recipients, String column, Kind kind, Instant expires) {
        List<Object[]> rows = new ArrayList<>(recipients.size());
        List<Outgoing> mails = new ArrayList<>(recipients.size());
        for (Recipient r : recipients) {
            if (r.address() == null) {
                continue;
            }
            var token = InvitationTokens.generate();
            rows.add(new Object[] {r.id(), token.hash(), expires});
            mails.add(new Outgoing(r.id(), r.channel(), r.address(), r.customerName(), r.language(), token.value(),
                    expires));
        }
        invitations.reissue(rows, column, now());
        mailer.sendAfterCommit(c.publicTitle(), kind, mails);
    }

    /** An invitation of a campaign that is out (SENT or SUPPLEMENTARY) and not yet answered; else 409. */
    private Invitation openInvitation(SurveyCampaign c, long invitationId, String refused) {
        if (c.getStatus() != SurveyCampaignStatus.SENT && c.getStatus() != SurveyCampaignStatus.SUPPLEMENTARY) {
            throw new DomainException("invalid-state", Text.of("error.survey.campaign-not-out-" + refused,
                    Text.label("surveycampaign.enum.SurveyCampaignStatus", c.getStatus())),
                    Map.of("status", c.getStatus().name()));
        }
        Invitation i = invitation(c.getId(), invitationId);
        if (i.answeredAt() != null) {
            throw new DomainException("answered", Text.of("error.survey.customer-has-already-answered"));
        }
        return i;
    }

    /** A link issued after the send: valid until the end of the deadline day or of today, whichever is later. */
    private Instant renewedExpiry(SurveyCampaign c) {
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        return expiry(today.isAfter(c.getDeadline()) ? today : c.getDeadline());
    }

    private SampleDraw.Result draw(SurveyCampaign c, long seed) {
        return draw(c, seed, new HashMap<>());
    }

    private SampleDraw.Result draw(SurveyCampaign c, long seed, Map<Long, Member> byId) {
        PopulationFilter f = filter(c);
        List<Member> members = population.members(new CustomerPopulation.Filter(f.kinds(), f.segment(), f.region(),
                f.revenueYear(), null, f.activeOnly() == null || f.activeOnly()));
        List<SampleDraw.Unit> units = new ArrayList<>(members.size());
        for (Member m : members) {
            byId.put(m.id(), m);
            units.add(new SampleDraw.Unit(m.id(), m.kind() == CustomerKind.DISTRIBUTOR, stratum(c.getStratifyBy(), m)));
        }
        SampleDraw.Result r = SampleDraw.draw(units, c.getSampleFraction(), seed, c.getStratifyBy() != null);
        if (r.sampleSize() == 0) {
            throw new InvalidInputException("population", "not-empty", r.population() == 0
                    ? Text.of("error.survey.no-customer-matches-population")
                    : Text.of("error.survey.sample-empty"));
        }
        return r;
    }

    /**
     * The channel of one sampled customer: the campaign's, falling back from e-mail to SMS (when the site sends
     * links by SMS) and from SMS to e-mail when the address is missing, else to a phone call by an agent.
     */
    private static InvitationChannel channel(InvitationChannel preferred, Member m, boolean sms) {
        boolean hasEmail = m.email() != null;
        boolean hasPhone = sms && CustomerMessages.smsNumber(m.phone()) != null;
        if (preferred == InvitationChannel.EMAIL) {
            return hasEmail ? InvitationChannel.EMAIL : hasPhone ? InvitationChannel.SMS : InvitationChannel.PHONE;
        }
        if (preferred == InvitationChannel.SMS) {
            return hasPhone ? InvitationChannel.SMS : hasEmail ? InvitationChannel.EMAIL : InvitationChannel.PHONE;
        }
        return preferred;
    }

    private static String stratum(StratifyBy by, Member m) {
        if (by == null) {
            return null;
        }
        switch (by) {
            case KIND:
                return m.kind().name();
            case SEGMENT:
                return m.segment() == null ? SampleDraw.NO_STRATUM : m.segment().name();
            default:
                return m.region() == null ? SampleDraw.NO_STRATUM : m.region();
        }
    }

    private Instant expiry(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(platform.zone()).toInstant().plus(settings.tokenGrace());
    }

    private String strataJson(SampleDraw.Result r) {
        if (r.strata().isEmpty()) {
            return null;
        }
        return json.writeValueAsString(r.strata().stream()
                .map(s -> new StratumShare(s.key(), s.population(), s.sample())).toList());
    }

    private Preview preview(SurveyCampaign c) {
        if (c.getPopulationSize() == null) {
            return null;
        }
        int inFull = c.getInFullCount() == null ? 0 : c.getInFullCount();
        SampleSize rule = SampleSize.of(c.getPopulationSize() - inFull, c.getSampleFraction());
        List<StratumShare> strata = c.getStrata() == null ? List.of() : json.readValue(c.getStrata(), STRATA);
        return new Preview(c.getPopulationSize(), inFull, rule.population(), rule.band().name(), rule.fraction(),
                c.getSampleSize(), ruleText(c.getPopulationSize(), inFull, rule, LocaleContextHolder.getLocale()), strata,
                c.getSeed());
    }

    /** The rule applied, in words, e.g. "100 < N ≤ 1,000：抽取 5%–10%（采用 10%），n = ⌈300 × 10%⌉ = 30". */
    public String ruleText(int population, int inFull, SampleSize rule, java.util.Locale locale) {
        String words = messages.getMessage("surveycampaign.rule." + rule.band(), new Object[] {rule.population(),
                rule.fraction() == null ? "" : SampleSize.percent(rule.fraction()), rule.size()}, locale);
        return inFull == 0 ? words : messages.getMessage("surveycampaign.rule.inFull",
                new Object[] {population, inFull, words, inFull + rule.size()}, locale);
    }

    private Rates rates(SurveyCampaign c) {
        List<Count> counts = invitations.counts(c.getId());
        Map<String, long[]> byChannel = new LinkedHashMap<>();
        Map<String, long[]> byStratum = new java.util.TreeMap<>();
        long sent = 0;
        long answered = 0;
        for (Count n : counts) {
            sent += n.sent();
            answered += n.answered();
            add(byChannel, n.channel().name(), n);
            if (c.getStratifyBy() != null) {
                add(byStratum, n.stratum() == null ? SampleDraw.NO_STRATUM : n.stratum(), n);
            }
        }
        Rate before = c.getBeforeSent() == null ? null : new Rate("before", c.getBeforeSent(), c.getBeforeAnswered(),
                percent(c.getBeforeSent(), c.getBeforeAnswered()));
        return new Rates(new Rate(c.getSupplementaryAt() == null ? "total" : "after", sent, answered,
                percent(sent, answered)), c.getResponseTarget(), c.reached(sent, answered), rows(byChannel),
                rows(byStratum), before, c.getSupplementaryAt());
    }

    private static void add(Map<String, long[]> into, String key, Count n) {
        long[] v = into.computeIfAbsent(key, k -> new long[2]);
        v[0] += n.sent();
        v[1] += n.answered();
    }

    private static List<Rate> rows(Map<String, long[]> m) {
        return m.entrySet().stream().map(e -> new Rate(e.getKey(), e.getValue()[0], e.getValue()[1],
                percent(e.getValue()[0], e.getValue()[1]))).toList();
    }

    /** answered / sent x 100, one decimal (null when nothing was sent). */
    public static BigDecimal percent(long sent, long answered) {
        return sent == 0 ? null : BigDecimal.valueOf(answered * 100L).divide(BigDecimal.valueOf(sent), 1,
                RoundingMode.HALF_UP);
    }

    private PopulationFilter filter(SurveyCampaign c) {
        return json.readValue(c.getPopulationFilter(), PopulationFilter.class);
    }

    private SurveyCampaign load(long id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "format", Text.of("error.survey.invalid-cursor"));
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
