package com.careloop.contract.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import com.careloop.contract.ContractPermissions;
import com.careloop.contract.Contracts;
import com.careloop.customer.CustomerVisited;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.OrgDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Communications with the customer about one contract (seeds 001-A15 "與顧客溝通的安排", 001-B14): sales records each
 * phone call, fax, mail, visit or exhibition talk — when, with whom, what — before, during and after the contract.
 * A visit also goes into the customer's contact log through the customer module's published event
 * {@link CustomerVisited} (once per communication). The contract's customer contact is the sales manager: the members
 * of the contract's department who decide its review ({@code contract:decide}). The bean {@code contractCommunications}
 * is what the contract page reads.
 */
@Service("contractCommunications")
@Transactional
public class ContractCommunications {

    /** What the page and the API show. */
    public record View(long id, ContractCommunication.Phase phase, ContractCommunication.Channel channel,
                       LocalDate occurredOn, String withWhom, String summary, String recordedBy,
                       OffsetDateTime recordedAt) {
    }

    /** A communication to record. */
    public record Record(ContractCommunication.Channel channel, LocalDate occurredOn, String withWhom, String summary) {
    }

    private final ContractCommunicationRepository communications;
    private final Contracts contracts;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    ContractCommunications(ContractCommunicationRepository communications, Contracts contracts, CurrentUsers users,
                           AuditTrail audit, ApplicationEventPublisher events, OrgDirectory org, Clock clock,
                           CareLoopProperties platform) {
        this.communications = communications;
        this.contracts = contracts;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.org = org;
        this.clock = clock;
        this.zone = platform.zone();
    }

    /** Records a communication (422 naming the field, nothing saved); a visit also enters the customer's contact log. */
    public View record(long contractId, Record cmd) {
        Contract c = contracts.contract(contractId);
        CurrentUser me = users.require();
        Instant now = Instant.now(clock);
        Record r = cmd == null ? new Record(null, null, null, null) : cmd;
        ContractCommunication m = communications.saveAndFlush(ContractCommunication.record(c, r.channel(),
                r.occurredOn(), r.withWhom(), r.summary(), new Contract.Actor(me.id(), me.displayName()), now,
                LocalDate.ofInstant(now, zone)));
        audit.created(m);
        if (m.getChannel() == ContractCommunication.Channel.VISIT) {
            events.publishEvent(new CustomerVisited(c.getCustomerId(), "contract-communication:" + m.getId(),
                    m.getOccurredOn().atTime(LocalTime.NOON).atZone(zone).toInstant(), me.id(),
                    c.getNumber() + " " + m.getWithWhom() + ": " + m.getSummary()));
        }
        return view(m);
    }

    /** The contract's communications, oldest first (the reader's access to the contract is checked). */
    @Transactional(readOnly = true)
    public List<View> of(long contractId) {
        contracts.contract(contractId);
        return communications.findByContractIdOrderByOccurredOnAscIdAsc(contractId).stream().map(this::view).toList();
    }

    /** The customer's contact for this contract: the sales manager(s) of the contract's department, by name. */
    @Transactional(readOnly = true)
    public List<String> contactManagers(long contractId) {
        Contract c = contracts.contract(contractId);
        if (c.getDepartmentId() == null) {
            return List.of();
        }
        return org.activeUsersWithPermission(ContractPermissions.DECIDE).stream()
                .filter(u -> Objects.equals(u.departmentId(), c.getDepartmentId()))
                .map(OrgDirectory.User::displayName).toList();
    }

    private View view(ContractCommunication m) {
        return new View(m.getId(), m.getPhase(), m.getChannel(), m.getOccurredOn(), m.getWithWhom(), m.getSummary(),
                m.getRecordedByName(), m.getRecordedAt().atZone(zone).toOffsetDateTime());
    }
}
