package com.careloop.complaint.retail;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReturnSlipRepository extends JpaRepository<ReturnSlip, Long> {
}
