package com.careloop.complaint;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.ReturnCommands.Refund;
import com.careloop.complaint.ReturnCommands.RequestReturn;
import com.careloop.complaint.ReturnViews.Filter;
import com.careloop.complaint.ReturnViews.PurchaseChoice;
import com.careloop.complaint.ReturnViews.ReturnDetail;
import com.careloop.complaint.ReturnViews.ReturnRow;
import com.careloop.complaint.ReturnViews.Summary;
import com.careloop.complaint.ReturnViews.Total;
import com.careloop.platform.Text;
import com.careloop.complaint.claim.Listing;
import com.careloop.complaint.claim.Parties;
import com.careloop.complaint.claim.RecordSteps;
import com.careloop.complaint.claim.Timeline;
import com.careloop.complaint.retail.ReturnSlip;
import com.careloop.complaint.retail.ReturnSlipRepository;
import com.careloop.complaint.retail.SevenDayPeriod;
import com.careloop.customer.CustomerCard;
import com.careloop.customer.Purchases;
import com.careloop.customer.Purchases.PurchaseRef;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;

import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.excel.XlsxExport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seven-day no-reason return slips (七天无理由退货单): the request (period from the day after receipt, goods
 * condition, refund), acceptance when the goods are back, the refund or a refusal; the summary per month,
 * product and reason, and its Excel export. A slip may be for one of the customer's purchases ({@link Purchases}).
 */
@Service
@Transactional
public class RetailReturns {

    public static final String RECORD_TYPE = ReturnSlip.RECORD_TYPE;
    private static final String NO_REASON = "";

    private final ReturnSlipRepository slips;
    private final Parties parties;
    private final Purchases purchases;
    private final RecordNumbers numbers;
    private final RecordSteps steps;
    private final Timeline timeline;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final CareLoopProperties company;

    RetailReturns(ReturnSlipRepository slips, Parties parties, Purchases purchases, RecordNumbers numbers,
                  RecordSteps steps, Timeline timeline, CurrentUsers users, JdbcClient jdbc, CareLoopProperties company) {
        this.company = company;
        this.slips = slips;
        this.parties = parties;
        this.purchases = purchases;
        this.numbers = numbers;
        this.steps = steps;
        this.timeline = timeline;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** A slip (TH2026-000001) if the return is allowed: in the seven days, goods intact or opened undamaged. */
    public ReturnDetail request(RequestReturn cmd) {
        CurrentUser me = users.require();
        CustomerCard customer = parties.customer(cmd.customerId());
        String product = cmd.product();
        String model = cmd.model();
        String serial = cmd.serialNo();
        LocalDate purchased = cmd.purchaseDate();
        LocalDate received = cmd.receivedOn();
        if (cmd.purchaseId() != null) {
            PurchaseRef p = purchases.find(cmd.purchaseId()).filter(x -> x.customerId() == customer.id())
                    .orElseThrow(() -> new InvalidInputException("purchaseId", "exists",
                            Text.of("error.complaint.customer-has-no-purchase", cmd.purchaseId())));
            product = p.product();
            model = p.model() != null ? p.model() : model;
            serial = p.serialNo() != null ? p.serialNo() : serial;
            purchased = p.saleDate();
            received = received != null ? received : p.receivedOn();
        }
        ReturnSlip slip = ReturnSlip.request(numbers.next(RECORD_TYPE), new ReturnSlip.Request(customer.id(),
                customer.name(), cmd.purchaseId(), product, model, serial, purchased, received, cmd.requestedOn(),
                cmd.reason(), cmd.goodsCondition(), cmd.refundAmount(), cmd.refundMethod()), today(), me.id(),
                me.displayName(), steps.now());
        steps.created(slips, slip, "REQUESTED", Text.of("texts.return.requested", Text.Arg.money(slip.getRefundAmount()),
                slip.getLastDay()));
        return detail(slip.getId());
    }

    public ReturnDetail accept(long id, Step cmd) {
        return change(id, cmd == null ? null : cmd.version(), "ACCEPTED", r -> {
            r.accept(steps.now());
            return null;
        });
    }

    public ReturnDetail refund(long id, Refund cmd) {
        return change(id, cmd == null ? null : cmd.version(), "REFUNDED", r -> {
            r.refund(cmd == null ? null : cmd.refundReference(), steps.now());
            return Text.of("texts.pair", Text.Arg.money(r.getRefundAmount()),
                    Text.label("return.enum.RefundMethod", r.getRefundMethod()));
        });
    }

    public ReturnDetail refuse(long id, Comment cmd) {
        return change(id, cmd.version(), "REFUSED", r -> {
            r.refuse(cmd.comment());
            return Claims.literal(cmd.comment());
        });
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ReturnDetail detail(long id) {
        ReturnSlip r = load(id);
        List<String> next = switch (r.getStatus()) {
            case REQUESTED -> List.of("accept", "refuse");
            case ACCEPTED -> List.of("refund", "refuse");
            default -> List.of();
        };
        return new ReturnDetail(r.getId(), r.getCode(), r.getVersion(), r.getCustomerId(), r.getCustomerName(),
                r.getPurchaseId(), r.getProduct(), r.getModel(), r.getSerialNo(), r.getPurchaseDate(), r.getReceivedOn(),
                r.getRequestedOn(), r.getLastDay(), r.getReason(), r.getGoodsCondition(), r.getRefundAmount(),
                r.getRefundMethod(), r.getStatus(), r.getRefusedReason(), r.getRefundReference(),
                Claims.odt(r.getAcceptedAt()), Claims.odt(r.getRefundedAt()), r.getRegisteredByName(),
                Claims.odt(r.getCreatedAt()), timeline.of(RECORD_TYPE, id), next);
    }

    @Transactional(readOnly = true)
    public RecordPage<ReturnRow> search(Filter f, String cursor, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = conditions(f == null ? new Filter(null, null, null, null) : f, params);
        return new Listing("""
                select id, code, customer_id, customer_name, product, model, received_on, requested_on, reason,
                       goods_condition, refund_amount, refund_method, status from return_slip r where""" + " " + where, "r.id")
                .params(params).page(jdbc, cursor, limit, RetailReturns::row, ReturnRow::id);
    }

    /** Totals per month, product and reason (no reason: an empty key) of the slips the filter selects. */
    @Transactional(readOnly = true)
    public Summary summary(Filter f) {
        Filter filter = f == null ? new Filter(null, null, null, null) : f;
        Map<String, Object> params = new LinkedHashMap<>();
        String where = conditions(filter, params);
        String sums = "count(*), sum(case when status = 'REFUSED' then 1 else 0 end),"
                + " coalesce(sum(case when status = 'REFUSED' then 0 else refund_amount end), 0)";
        Function<String, List<Total>> by = key -> jdbc.sql("select " + key + " k, " + sums + " from return_slip r where "
                + where + " group by " + key + " order by 1").params(params).query((rs, n) -> total(rs, rs.getString(1), 2)).list();
        Total overall = jdbc.sql("select " + sums + " from return_slip r where " + where).params(params)
                .query((rs, n) -> total(rs, "", 1)).single();
        List<Total> months = jdbc.sql("select extract(year from requested_on), extract(month from requested_on), " + sums
                        + " from return_slip r where " + where + " group by extract(year from requested_on),"
                        + " extract(month from requested_on) order by 1, 2").params(params)
                .query((rs, n) -> total(rs, String.format("%04d-%02d", rs.getInt(1), rs.getInt(2)), 3)).list();
        return new Summary(filter.from(), filter.to(), overall, months, by.apply("product"),
                by.apply("coalesce(reason, '" + NO_REASON + "')"));
    }

    /** The slips the filter selects as an .xlsx sheet, streamed (headers in the reader's language). */
    @Transactional(readOnly = true)
    public int export(Filter f, List<String> headers, OutputStream out) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = conditions(f == null ? new Filter(null, null, null, null) : f, params);
        try (var xlsx = XlsxExport.open(out, "七天无理由退货", headers)) {
            jdbc.sql("""
                    select code, customer_name, product, model, received_on, requested_on, reason, goods_condition,
                           refund_amount, refund_method, status from return_slip r where""" + " " + where + " order by id")
                    .params(params).query(rs -> {
                        xlsx.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                                rs.getString(8), rs.getBigDecimal(9), rs.getString(10), rs.getString(11));
                    });
            return xlsx.rowCount();
        }
    }

    /** The customer's purchases to choose from, each with the last day of its seven-day period. */
    @Transactional(readOnly = true)
    public List<PurchaseChoice> purchasesOf(long customerId) {
        return purchases.ofCustomer(customerId, 50).stream().map(p -> new PurchaseChoice(p.purchaseId(), p.product(),
                p.model(), p.serialNo(), p.saleDate(), p.receivedOn(),
                p.receivedOn() == null ? null : SevenDayPeriod.lastDay(p.receivedOn()))).toList();
    }

    @Transactional(readOnly = true)
    public List<ReturnRow> forCustomer(long customerId, int limit) {
        return search(new Filter(null, customerId, null, null), null, limit).items();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String conditions(Filter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("1=1");
        if (filter.status() != null) {
            sql.append(" and r.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.customerId() != null) {
            sql.append(" and r.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.from() != null) {
            sql.append(" and r.requested_on >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and r.requested_on <= :to");
            params.put("to", filter.to());
        }
        return sql.toString();
    }

    private static Total total(ResultSet rs, String key, int first) throws SQLException {
        BigDecimal sum = rs.getBigDecimal(first + 2);
        return new Total(key, rs.getLong(first), rs.getLong(first + 1), sum == null ? BigDecimal.ZERO.setScale(2)
                : sum.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    private static ReturnRow row(ResultSet rs, int n) throws SQLException {
        return new ReturnRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                GoodsCondition.valueOf(rs.getString(10)), rs.getBigDecimal(11), RefundMethod.valueOf(rs.getString(12)),
                ReturnStatus.valueOf(rs.getString(13)));
    }

    private ReturnDetail change(long id, Long version, String kind, Function<ReturnSlip, Text> step) {
        ReturnSlip r = load(id);
        steps.change(slips, r, version, kind, () -> step.apply(r));
        return detail(id);
    }

    private ReturnSlip load(long id) {
        return slips.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private LocalDate today() {
        return LocalDate.now(steps.clock().withZone(company.zone()));
    }
}
