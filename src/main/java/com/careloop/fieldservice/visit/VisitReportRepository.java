package com.careloop.fieldservice.visit;

import org.springframework.data.jpa.repository.JpaRepository;

interface VisitReportRepository extends JpaRepository<VisitReport, Long> {
}
