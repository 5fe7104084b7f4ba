package com.careloop.customer.contactlog;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactLogRepository extends JpaRepository<ContactLogEntry, Long> {
}
