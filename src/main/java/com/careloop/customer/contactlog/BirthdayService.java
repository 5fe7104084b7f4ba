package com.careloop.customer.contactlog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.Masking;
import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.contactlog.ContactLogCommands.AddEntry;
import com.careloop.customer.contactlog.ContactLogCommands.Entry;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upcoming birthdays of the customers in the reader's scope, and the "birthday card sent" entry
 * (a contact-log entry of kind BIRTHDAY_GREETING). A greeting logged after the previous birthday
 * counts as done for the upcoming one.
 */
@Service
@Transactional
public class BirthdayService {

    public record Birthday(long customerId, String code, String name, boolean keyCustomer, LocalDate birthday,
                           LocalDate nextBirthday, long daysUntil, int turning, String occupation, String phone,
                           String representativeName, boolean greeted) {
    }

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final CustomerService customers;
    private final ContactLogService log;
    private final Clock clock;
    private final CareLoopProperties properties;

    BirthdayService(JdbcClient jdbc, CurrentUsers users, CustomerService customers, ContactLogService log, Clock clock,
                    CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.customers = customers;
        this.log = log;
        this.clock = clock;
        this.properties = properties;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    private static BirthdayWindow window(LocalDate today, int days) {
        if (days < 0 || days > BirthdayWindow.MAX_DAYS) {
            throw new InvalidInputException("days", "range", Text.of("error.customer.days-range",
                    String.valueOf(BirthdayWindow.MAX_DAYS)));
        }
        return new BirthdayWindow(today, days);
    }

    /** Active customers whose birthday falls within the next {@code days} days, soonest first. */
    @Transactional(readOnly = true)
    public List<Birthday> upcoming(int days) {
        BirthdayWindow window = window(today(), days);
        CurrentUser me = users.require();
        var scope = me.scope().condition("c.department_id", "c.representative_id", "c.deputy_id");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("md", List.copyOf(window.monthDays()));
        boolean mask = !me.can(CustomerPermissions.VIEW_SENSITIVE);
        record Found(long id, String code, String name, boolean key, LocalDate birthday, String occupation,
                     String phone, String rep) {
        }
        List<Found> found = jdbc.sql("""
                select c.id, c.code, c.name, c.key_customer, c.birthday, c.occupation, c.phone, u.display_name
                from customer c left join org_user u on u.id = c.representative_id
                where c.active = true and c.birthday is not null
                  and extract(month from c.birthday) * 100 + extract(day from c.birthday) in (:md) and\s"""
                + scope.sql()).params(params)
                .query((rs, n) -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        Map<Long, LocalDate> lastGreeting = lastGreetings(found.stream().map(Found::id).toList());
        List<Birthday> result = new ArrayList<>();
        for (Found f : found) {
            window.occurrence(f.birthday()).ifPresent(next -> result.add(new Birthday(f.id(), f.code(), f.name(), f.key(),
                    f.birthday(), next, ChronoUnit.DAYS.between(window.today(), next), BirthdayWindow.turning(f.birthday(), next),
                    f.occupation(), mask ? Masking.phone(f.phone()) : f.phone(), f.rep(),
                    greeted(lastGreeting.get(f.id()), f.birthday(), next))));
        }
        result.sort(Comparator.comparing(Birthday::nextBirthday).thenComparing(Birthday::customerId));
        return result;
    }

    private static boolean greeted(LocalDate lastGreeting, LocalDate birthday, LocalDate next) {
        return lastGreeting != null && lastGreeting.isAfter(BirthdayWindow.previousOccurrence(birthday, next));
    }

    private Map<Long, LocalDate> lastGreetings(List<Long> customerIds) {
        Map<Long, LocalDate> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select customer_id, max(occurred_at) from contact_log
                where kind = 'BIRTHDAY_GREETING' and customer_id in (:ids) group by customer_id""")
                .param("ids", customerIds)
                .query((rs, n) -> result.put(rs.getLong(1),
                        rs.getTimestamp(2).toInstant().atZone(properties.zone()).toLocalDate()))
                .list();
        return result;
    }

    /** One click on the birthday list: the card is logged once per birthday. */
    public Entry cardSent(long customerId, ContactChannel channel) {
        var customer = customers.load(customerId);
        if (customer.getBirthday() == null) {
            throw new InvalidInputException("birthday", "required", Text.of("error.customer.customer-has-no-birthday"));
        }
        LocalDate today = today();
        LocalDate next = BirthdayWindow.nextOccurrence(customer.getBirthday(), today);
        if (greeted(lastGreetings(List.of(customerId)).get(customerId), customer.getBirthday(), next)) {
            throw new DomainException("birthday.greeted", Text.of("error.customer.birthday-greeted", next));

        }
        return log.addForCustomer(customerId, new AddEntry(ContactKind.BIRTHDAY_GREETING,
                channel == null ? ContactChannel.LETTER : channel, null, null,
                "生日贺卡已寄送（" + next + "）/ birthday card sent for " + next));
    }
}
