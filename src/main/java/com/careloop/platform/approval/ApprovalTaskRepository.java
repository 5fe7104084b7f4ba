package com.careloop.platform.approval;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalTaskRepository extends JpaRepository<ApprovalTask, Long> {

    @Query("select t from ApprovalTask t where t.status = 'OPEN' and t.remindAt <= ?1 and t.remindedAt is null order by t.id")
    List<ApprovalTask> dueForReminder(Instant now);

    @Query("select t from ApprovalTask t where t.status = 'OPEN' and t.dueAt <= ?1 and t.escalatedAt is null order by t.id")
    List<ApprovalTask> dueForEscalation(Instant now);
}
