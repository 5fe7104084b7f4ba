package com.careloop.contract.tender;

import org.springframework.data.jpa.repository.JpaRepository;

interface TenderRepository extends JpaRepository<Tender, Long> {
}
