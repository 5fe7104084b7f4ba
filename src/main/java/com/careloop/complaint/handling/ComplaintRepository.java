package com.careloop.complaint.handling;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

    Optional<Complaint> findBySourceRequestId(Long sourceRequestId);
}
