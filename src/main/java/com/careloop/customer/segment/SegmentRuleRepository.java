package com.careloop.customer.segment;

import com.careloop.customer.Segment;

import org.springframework.data.jpa.repository.JpaRepository;

interface SegmentRuleRepository extends JpaRepository<SegmentRuleEntity, Segment> {
}
