package com.careloop.contract.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.careloop.contract.ContractViews;

/**
 * What a revision of a contract agrees (stored as JSON per revision and per change request): the required delivery
 * date, payment terms, special requirements, the lines and their total.
 */
public record ContractTerms(LocalDate deliveryDate, String paymentTerms, String specialRequirements,
                            List<ContractViews.Line> lines, BigDecimal totalAmount) {

    public ContractTerms {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The same terms with the given lines (total recomputed). */
    ContractTerms withLines(List<ContractViews.Line> newLines) {
        return new ContractTerms(deliveryDate, paymentTerms, specialRequirements, newLines, newLines.stream()
                .map(ContractViews.Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
    }
}
