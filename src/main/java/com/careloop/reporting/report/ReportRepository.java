package com.careloop.reporting.report;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportRepository extends JpaRepository<Report, Long> {

    Optional<Report> findByCurrentKey(String currentKey);

    List<Report> findBySeriesKeyOrderByRevisionDesc(String seriesKey);
}
