package com.careloop.survey.campaign;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SurveyCampaignRepository extends JpaRepository<SurveyCampaign, Long> {
}
