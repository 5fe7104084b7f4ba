package com.careloop.platform.approval;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalRepository extends JpaRepository<Approval, Long> {

    Optional<Approval> findFirstBySubjectTypeAndSubjectIdAndStatus(String subjectType, long subjectId, Approval.Status status);

    List<Approval> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, long subjectId);
}
