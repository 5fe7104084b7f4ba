package com.careloop.customer.liaison;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.contactlog.ContactLogCommands.AddEntry;
import com.careloop.customer.contactlog.ContactLogCommands.Entry;
import com.careloop.customer.contactlog.Paged;
import com.careloop.customer.liaison.LiaisonCommands.Detail;
import com.careloop.customer.liaison.LiaisonCommands.Filter;
import com.careloop.customer.liaison.LiaisonCommands.Row;
import com.careloop.customer.liaison.LiaisonCommands.SaveParty;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The liaison archive (外联客户) over JSON. */
@RestController
@RequestMapping("/api/v1/liaison-parties")
class LiaisonApi {

    private final LiaisonService parties;

    LiaisonApi(LiaisonService parties) {
        this.parties = parties;
    }

    @RequiresPermission(CustomerPermissions.LIAISON_VIEW)
    @GetMapping
    Paged<Row> list(@RequestParam(required = false) String q, @RequestParam(required = false) LiaisonKind kind,
                    @RequestParam(required = false) Boolean includeInactive, @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) Integer limit) {
        return parties.search(new Filter(q, kind, includeInactive), cursor, Paged.limit(limit));
    }

    @RequiresPermission(CustomerPermissions.LIAISON_VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return parties.detail(id);
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail create(@Valid @RequestBody SaveParty request) {
        return parties.register(request);
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PutMapping("/{id}")
    Detail update(@PathVariable long id, @Valid @RequestBody SaveParty request) {
        return parties.update(id, request);
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PostMapping("/{id}/deactivate")
    Detail deactivate(@PathVariable long id) {
        return parties.deactivate(id);
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PostMapping("/{id}/activate")
    Detail activate(@PathVariable long id) {
        return parties.activate(id);
    }

    @RequiresPermission(CustomerPermissions.LIAISON_VIEW)
    @GetMapping("/{id}/contact-log")
    Paged<Entry> log(@PathVariable long id, @RequestParam(required = false) String cursor,
                     @RequestParam(required = false) Integer limit) {
        return parties.log(id, cursor, Paged.limit(limit));
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PostMapping("/{id}/contact-log")
    @ResponseStatus(HttpStatus.CREATED)
    Entry addLog(@PathVariable long id, @Valid @RequestBody AddEntry request) {
        return parties.addLog(id, request);
    }
}
