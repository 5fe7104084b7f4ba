package com.careloop.contract.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.careloop.contract.ContractSource;
import com.careloop.contract.ContractViews;
import com.careloop.contract.Contracts;
import com.careloop.contract.ReviewStage;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.CustomerLinks;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order confirmations (订单确认表) of phone and oral orders. Sales records what was agreed orally and the order waits
 * for the customer: a personal link ({@link CustomerLinks}, purpose {@code order-confirmation}, public page
 * {@code /public/order-confirmations/{token}}, valid {@code careloop.contract.confirmation-link-days}, default 14) mailed
 * in the customer's language when an address is given, or a signed fax/scan or signature image uploaded by sales.
 * Submitting such an order for review before it is confirmed is refused (409 {@code contract.unconfirmed-order}).
 */
@Service
@Transactional
public class OrderConfirmations {

    public static final String NUMBER_TYPE = "contract-order-confirmation";
    /** The link purpose is the record type, so the platform audits the mailing on the confirmation itself. */
    public static final String LINK_PURPOSE = OrderConfirmation.RECORD_TYPE;
    public static final String PUBLIC_PATH = "/public/order-confirmations/";
    /** The file-store slot of the customer's signed confirmation (owner: the contract). */
    public static final String FILE_SLOT = "ORDER_CONFIRMATION";
    /** Orders agreed without a written contract: they need the customer's confirmation before review. */
    public static final Set<ContractSource> NEEDS_CONFIRMATION = EnumSet.of(ContractSource.PHONE, ContractSource.ORAL);

    /** Prepares (or prepares again) the confirmation: with whom and when it was agreed, what, and where to mail. */
    public record Prepare(String agreedWith, LocalDate agreedOn, String summary, String email, String language) {
    }

    /** The confirmation as sales sees it (the url only right after it was issued). */
    public record View(long id, String number, long contractId, String contractNumber, String status,
                       String agreedWith, LocalDate agreedOn, String summary, String mailedTo, LocalDate linkExpiresOn,
                       String url, String method, String customerNote, OffsetDateTime answeredAt, String answeredBy,
                       Long fileId, String createdBy, OffsetDateTime createdAt, String customerName,
                       String customerNumber, LocalDate orderDate, LocalDate deliveryDate, String paymentTerms,
                       String specialRequirements, List<ContractViews.Line> lines, BigDecimal totalAmount) {
    }

    /** What the customer's page shows: the order and its state ({@code form}, {@code answered}, {@code expired}). */
    public record PublicView(String number, String customerName, String customerNumber, String agreedWith,
                             LocalDate agreedOn, String summary, LocalDate orderDate, LocalDate deliveryDate,
                             String paymentTerms, String specialRequirements, List<ContractViews.Line> lines,
                             BigDecimal totalAmount, String status, String customerNote, LocalDate expiresOn,
                             String state, String language) {
    }

    private final OrderConfirmationRepository confirmations;
    private final ContractRepository contractRepository;
    private final Contracts contracts;
    private final CustomerLinks links;
    private final StoredFiles files;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final int linkDays;

    OrderConfirmations(OrderConfirmationRepository confirmations, ContractRepository contractRepository,
                       Contracts contracts, CustomerLinks links, StoredFiles files, RecordNumbers numbers,
                       AuditTrail audit, CurrentUsers users, Notifications notifications, Clock clock,
                       CareLoopProperties platform,
                       @Value("${careloop.contract.confirmation-link-days:14}") int linkDays) {
        this.confirmations = confirmations;
        this.contractRepository = contractRepository;
        this.contracts = contracts;
        this.links = links;
        this.files = files;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = platform.zone();
        this.linkDays = linkDays;
    }

    /**
     * Records what was agreed orally and issues a fresh personal link (earlier ones stop working), mailed to
     * {@code email} in {@code language} (zh-CN, zh-TW, en) when given. Only for phone and oral orders (409
     * {@code contract.confirmation-not-needed}) before they are submitted; refused once confirmed.
     */
    public View prepare(long contractId, Prepare cmd) {
        Contract c = contracts.contract(contractId);
        if (!NEEDS_CONFIRMATION.contains(c.getSource())) {
            throw DomainException.of("contract.confirmation-not-needed", c.getNumber(),
                    Text.label("contract.source", c.getSource()));
        }
        c.requireStage("confirm-order", ReviewStage.REGISTERED, ReviewStage.CLARIFY);
        if (cmd == null) {
            throw Contract.required("body");
        }
        CurrentUser me = users.require();
        Instant now = Instant.now(clock);
        Locale language = language(cmd.language());
        OrderConfirmation o = confirmations.findByContractId(contractId).orElse(null);
        boolean created = o == null;
        if (created) {
            o = OrderConfirmation.prepare(numbers.next(NUMBER_TYPE), contractId, new Contract.Actor(me.id(),
                    me.displayName()), now);
        }
        var before = created ? null : o.auditState();
        o.agreed(cmd.agreedWith(), cmd.agreedOn(), cmd.summary(), cmd.email(), language.toLanguageTag(), today());
        confirmations.saveAndFlush(o);
        CustomerLinks.IssuedLink link = links.issue(LINK_PURPOSE, o.getId(), PUBLIC_PATH, linkDays);
        o.linkIssued(link.id(), link.expiresOn());
        confirmations.saveAndFlush(o);
        if (created) {
            audit.created(o);
        } else {
            audit.changed(o, "PREPARE_AGAIN", before);
        }
        if (o.getMailedTo() != null) {
            links.mail(link, o.getMailedTo(), language, Text.of("contract.confirmation.mail.subject", c.getNumber()),
                    Text.of("contract.confirmation.mail.body", o.getAgreedWith(), c.getNumber()));
        }
        return view(o, c, link.url());
    }

    /** Sales uploads the customer's signed fax/scan or signature image: stored on the contract, confirmation done. */
    public View confirmByDocument(long contractId, OrderConfirmation.Method method, String fileName,
                                  String contentType, byte[] bytes) {
        Contract c = contracts.contract(contractId);
        OrderConfirmation o = confirmations.findByContractId(contractId).orElseThrow(() -> missing(contractId));
        if (method == null || method == OrderConfirmation.Method.LINK) {
            throw new InvalidInputException("method", "required", Text.of("error.contract.confirmation-method"));
        }
        if (bytes == null) {
            throw Contract.required("file");
        }
        CurrentUser me = users.require();
        var before = o.auditState();
        StoredFiles.StoredFile f = files.store(Contract.RECORD_TYPE, c.getId(), FILE_SLOT,
                files.check(fileName, contentType, bytes));
        o.confirmedByDocument(method, f.id(), new Contract.Actor(me.id(), me.displayName()), Instant.now(clock));
        confirmations.saveAndFlush(o);
        audit.changed(o, "CONFIRM_" + method.name(), before);
        return view(o, c, null);
    }

    /** The confirmation of a contract the reader may see. */
    @Transactional(readOnly = true)
    public Optional<View> of(long contractId) {
        Contract c = contracts.contract(contractId);
        return confirmations.findByContractId(contractId).map(o -> view(o, c, null));
    }

    /** Whether the contract may be submitted: not a phone/oral order, or its confirmation is confirmed. */
    @Transactional(readOnly = true)
    public boolean confirmedOrNotNeeded(long contractId, ContractSource source) {
        return !NEEDS_CONFIRMATION.contains(source) || confirmations.findByContractId(contractId)
                .map(OrderConfirmation::isConfirmed).orElse(false);
    }

    // ---- the customer's page (no login) -------------------------------------------------------------------------

    /** What the token stands for, also when answered or expired; empty when unknown. */
    @Transactional(readOnly = true)
    public Optional<PublicView> byLink(String token) {
        return links.resolve(LINK_PURPOSE, token).flatMap(t -> confirmations.findById(t.recordId()).map(o -> {
            Contract c = contractRepository.findById(o.getContractId()).orElseThrow();
            String state = t.answered() || o.getStatus() != OrderConfirmation.Status.PENDING ? "answered"
                    : t.expired() ? "expired" : "form";
            return new PublicView(o.getNumber(), c.getCustomerName(), c.getCustomerNumber(), o.getAgreedWith(),
                    o.getAgreedOn(), o.getAgreedSummary(), c.getOrderDate(), c.getDeliveryDate(), c.getPaymentTerms(),
                    c.getSpecialRequirements(), lines(c), c.getTotalAmount(), o.getStatus().name(), o.getCustomerNote(),
                    t.expiresOn(), state, o.getLanguage());
        }));
    }

    /**
     * The customer confirms or asks for a change (note required) — once (409 {@code link.answered}), until the link's
     * last day (409 {@code link.expired}); the salesperson is notified.
     */
    public void answerByLink(String token, boolean confirm, String note) {
        CustomerLinks.LinkTarget t = links.answer(LINK_PURPOSE, token);
        OrderConfirmation o = confirmations.findById(t.recordId())
                .orElseThrow(() -> new NotFoundException(OrderConfirmation.RECORD_TYPE, t.recordId()));
        Contract c = contractRepository.findById(o.getContractId()).orElseThrow();
        var before = o.auditState();
        o.answeredByCustomer(confirm, note, Instant.now(clock));
        confirmations.saveAndFlush(o);
        audit.changed(o, confirm ? "CUSTOMER_CONFIRMED" : "CUSTOMER_CHANGE_REQUESTED", before);
        notifications.notify(c.getSalespersonId(), Text.of(confirm ? "contract.confirmation.notify.confirmed"
                : "contract.confirmation.notify.change", c.getNumber()), Text.of("contract.confirmation.notify.body",
                c.getCustomerName(), o.getAgreedWith(), o.getCustomerNote() == null ? "" : o.getCustomerNote()),
                "/contracts/" + c.getId());
    }

    NotFoundException missing(long contractId) {
        return new NotFoundException(OrderConfirmation.RECORD_TYPE, "contract " + contractId);
    }

    private View view(OrderConfirmation o, Contract c, String url) {
        return new View(o.getId(), o.getNumber(), c.getId(), c.getNumber(), o.getStatus().name(), o.getAgreedWith(),
                o.getAgreedOn(), o.getAgreedSummary(), o.getMailedTo(), o.getLinkExpiresOn(), url,
                o.getMethod() == null ? null : o.getMethod().name(), o.getCustomerNote(), odt(o.getAnsweredAt()),
                o.getAnsweredByName(), o.getFileId(), o.getCreatedByName(), odt(o.getCreatedAt()), c.getCustomerName(),
                c.getCustomerNumber(), c.getOrderDate(), c.getDeliveryDate(), c.getPaymentTerms(),
                c.getSpecialRequirements(), lines(c), c.getTotalAmount());
    }

    static List<ContractViews.Line> lines(Contract c) {
        return c.getLines().stream().map(l -> new ContractViews.Line(l.getLineNo(), l.getProduct(), l.getSpec(),
                l.getQuantity(), l.getUnit(), l.getUnitPrice(), l.getAmount(), l.getRemark())).toList();
    }

    /** The customer's language from a tag (zh-CN when empty); 422 on {@code language} for another. */
    static Locale language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return switch (tag.strip().replace('_', '-').toLowerCase(Locale.ROOT)) {
            case "zh-tw", "zh-hant" -> Locale.TRADITIONAL_CHINESE;
            case "en", "en-us", "en-gb" -> Locale.ENGLISH;
            case "zh-cn", "zh", "zh-hans" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new InvalidInputException("language", "unknown", Text.of("error.contract.language", tag));
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
