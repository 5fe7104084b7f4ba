package com.careloop.customer.contactlog;

import java.util.List;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.contactlog.BirthdayService.Birthday;
import com.careloop.customer.contactlog.ContactLogCommands.AddEntry;
import com.careloop.customer.contactlog.ContactLogCommands.Entry;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer's contact log and the upcoming birthdays over JSON. */
@RestController
@RequestMapping("/api/v1/customers")
class ContactLogApi {

    record CardSent(ContactChannel channel) {
    }

    private final ContactLogService log;
    private final BirthdayService birthdays;

    ContactLogApi(ContactLogService log, BirthdayService birthdays) {
        this.log = log;
        this.birthdays = birthdays;
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/{id}/contact-log")
    Paged<Entry> list(@PathVariable long id, @RequestParam(required = false) String cursor,
                      @RequestParam(required = false) Integer limit) {
        return log.forCustomer(id, cursor, Paged.limit(limit));
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/{id}/contact-log")
    @ResponseStatus(HttpStatus.CREATED)
    Entry add(@PathVariable long id, @Valid @RequestBody AddEntry request) {
        return log.addForCustomer(id, request);
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/birthdays")
    List<Birthday> birthdays(@RequestParam(defaultValue = "30") int days) {
        return birthdays.upcoming(days);
    }

    /** "Birthday card sent": a BIRTHDAY_GREETING entry, once per birthday (again: 409). */
    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/{id}/birthday-card")
    @ResponseStatus(HttpStatus.CREATED)
    Entry cardSent(@PathVariable long id, @RequestBody(required = false) CardSent request) {
        return birthdays.cardSent(id, request == null ? null : request.channel());
    }
}
