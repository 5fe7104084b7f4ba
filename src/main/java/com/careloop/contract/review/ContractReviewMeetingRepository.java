package com.careloop.contract.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractReviewMeetingRepository extends JpaRepository<ContractReviewMeeting, Long> {

    List<ContractReviewMeeting> findByContractIdOrderByHeldOnAscIdAsc(long contractId);

    List<ContractReviewMeeting> findByTenderIdOrderByHeldOnAscIdAsc(long tenderId);
}
