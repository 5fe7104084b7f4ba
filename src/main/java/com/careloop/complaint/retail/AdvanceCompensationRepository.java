package com.careloop.complaint.retail;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AdvanceCompensationRepository extends JpaRepository<AdvanceCompensation, Long> {
}
