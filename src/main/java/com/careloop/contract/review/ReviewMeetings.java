package com.careloop.contract.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.careloop.contract.Contracts;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review meetings of a contract or a tender (评审会议, seed 001-A5): a special contract's review may be held as a meeting whose
 * written minutes are kept on the contract. Recorded by sales ({@code contract:register}) within the contract's data
 * scope, audited; read by everyone who may read the contract; printed on the 合同评审表. The bean {@code reviewMeetings}
 * is what the contract page reads.
 */
@Service("reviewMeetings")
@Transactional
public class ReviewMeetings {

    /** What the page, the API and the printed form show. */
    public record View(long id, LocalDate heldOn, String place, String attendees, String minutes, String recordedBy,
                       OffsetDateTime recordedAt) {
    }

    /** A meeting to record: the day it was held (not in the future), place, attendees by name, the minutes. */
    public record Record(LocalDate heldOn, String place, String attendees, String minutes) {
    }

    private final ContractReviewMeetingRepository meetings;
    private final Contracts contracts;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ReviewMeetings(ContractReviewMeetingRepository meetings, Contracts contracts, CurrentUsers users, AuditTrail audit,
                   Clock clock, CareLoopProperties platform) {
        this.meetings = meetings;
        this.contracts = contracts;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.zone = platform.zone();
    }

    /** Records a meeting on the contract (422 naming the field on bad input, nothing saved). */
    public View record(long contractId, Record cmd) {
        Contract c = contracts.contract(contractId);
        return save(c.getId(), null, cmd);
    }

    /** The contract's meetings, oldest first (the reader's access to the contract is checked). */
    @Transactional(readOnly = true)
    public List<View> of(long contractId) {
        contracts.contract(contractId);
        return meetings.findByContractIdOrderByHeldOnAscIdAsc(contractId).stream().map(this::view).toList();
    }

    /**
     * Records a meeting of a tender's review (投标评审, 001-A5) with the contract's rules; the caller
     * ({@code Tenders.recordMeeting}) has checked the reader's access to the tender.
     */
    public View recordOnTender(long tenderId, Record cmd) {
        return save(null, tenderId, cmd);
    }

    private View save(Long contractId, Long tenderId, Record cmd) {
        CurrentUser me = users.require();
        Instant now = Instant.now(clock);
        Record r = cmd == null ? new Record(null, null, null, null) : cmd;
        ContractReviewMeeting m = meetings.saveAndFlush(ContractReviewMeeting.record(contractId, tenderId, r.heldOn(),
                r.place(), r.attendees(), r.minutes(), new Contract.Actor(me.id(), me.displayName()), now,
                LocalDate.ofInstant(now, zone)));
        audit.created(m);
        return view(m);
    }

    /** A tender's meetings, oldest first (the caller has checked the reader's access to the tender). */
    @Transactional(readOnly = true)
    public List<View> ofTender(long tenderId) {
        return meetings.findByTenderIdOrderByHeldOnAscIdAsc(tenderId).stream().map(this::view).toList();
    }

    private View view(ContractReviewMeeting m) {
        return new View(m.getId(), m.getHeldOn(), m.getPlace(), m.getAttendees(), m.getMinutes(),
                m.getRecordedByName(), m.getRecordedAt().atZone(zone).toOffsetDateTime());
    }
}
