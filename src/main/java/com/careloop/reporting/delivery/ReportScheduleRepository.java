package com.careloop.reporting.delivery;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportScheduleRepository extends JpaRepository<ReportSchedule, Long> {

    List<ReportSchedule> findByEnabledTrue();
}
