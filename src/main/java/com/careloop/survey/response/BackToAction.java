package com.careloop.survey.response;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.callback.Callbacks;
import com.careloop.callback.ScheduleCallback;
import com.careloop.capa.CapaSources;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.OpenCapa;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.survey.template.Scale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Back to action (QP-005 §5.8.5, SPEC §7), after the response committed: each item rated "dissatisfied" or worse
 * opens a CAPA or attaches to the open one for the same item of the same campaign (source key
 * SURVEY_ITEM:campaignId:itemCode); a class C respondent gets a callback task due in 3 working days. Both calls are
 * idempotent on their source (a redelivered event changes nothing).
 */
@Component
class BackToAction {

    static final int CALLBACK_WORKING_DAYS = 3;

    private final JdbcClient jdbc;
    private final CorrectiveActions capas;
    private final Callbacks callbacks;
    private final CalendarService calendars;
    private final Clock clock;

    BackToAction(JdbcClient jdbc, CorrectiveActions capas, Callbacks callbacks, CalendarService calendars, Clock clock) {
        this.jdbc = jdbc;
        this.capas = capas;
        this.callbacks = callbacks;
        this.calendars = calendars;
        this.clock = clock;
    }

    private record Response(long id, long campaignId, String campaignCode, String campaignName, long customerId,
                            String customerName, Scale scale, BigDecimal normalised, char respondentClass,
                            String opinion) {
    }

    private record Low(String code, String text, int rating) {
    }

    @ApplicationModuleListener
    void on(ResponseRecorded event) {
        Response r = jdbc.sql("""
                select r.id, r.campaign_id, c.code, c.name, r.customer_id, i.customer_name, t.scale, r.normalised,
                       r.respondent_class, r.opinion
                from survey_response r join survey_campaign c on c.id = r.campaign_id
                join survey_invitation i on i.id = r.invitation_id join survey_template t on t.id = r.template_id
                where r.id = :id""").param("id", event.responseId())
                .query((rs, n) -> new Response(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), Scale.valueOf(rs.getString(7)), rs.getBigDecimal(8),
                        rs.getString(9).charAt(0), rs.getString(10))).optional().orElse(null);
        if (r == null) {
            return;
        }
        // one campaign's listeners in turn, so two responses cannot both open a CAPA for the same item
        jdbc.sql("select id from survey_campaign where id = :id for update").param("id", r.campaignId())
                .query(Long.class).single();
        List<Low> low = jdbc.sql("""
                select i.code, i.text, a.rating from survey_answer a join survey_item i on i.id = a.item_id
                where a.response_id = :id order by i.sort_order""").param("id", r.id())
                .query((rs, n) -> new Low(rs.getString(1), rs.getString(2), rs.getInt(3))).list().stream()
                .filter(a -> r.scale().isDissatisfied(a.rating())).toList();
        for (Low a : low) {
            capas.openOrAttach(new OpenCapa(CapaSources.SURVEY_ITEM, r.id(),
                    "SURVEY_ITEM:" + r.campaignId() + ":" + a.code(), r.campaignCode(), problem(r, a), r.customerId(),
                    null, false));
        }
        if (r.respondentClass() == 'C') {
            callbacks.schedule(new ScheduleCallback("SURVEY_RESPONSE", r.id(), r.campaignCode(), r.customerId(),
                    due(), "满意度调查 " + r.campaignCode() + " 得分 " + r.normalised().toPlainString()
                            + "（C 类，不满意），请回访了解原因 / survey score " + r.normalised().toPlainString()
                            + " (class C): call back" + (r.opinion() == null ? "" : "\n" + r.opinion())));
        }
    }

    private static String problem(Response r, Low a) {
        String label = a.rating() == 1 ? "很不满意" : "不满意";
        return "满意度调查 " + r.campaignCode() + "（" + r.campaignName() + "）：顾客 " + r.customerName() + " 对「"
                + a.text() + "」（" + a.code() + "）评价为" + label + "（" + a.rating() + "）"
                + (r.opinion() == null ? "" : "。顾客意见：" + r.opinion());
    }

    /** Three working days after today on the standard business calendar. */
    private LocalDate due() {
        BusinessCalendar calendar = calendars.standard();
        LocalDate day = LocalDate.now(clock.withZone(calendar.zone()));
        int left = CALLBACK_WORKING_DAYS;
        while (left > 0) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
