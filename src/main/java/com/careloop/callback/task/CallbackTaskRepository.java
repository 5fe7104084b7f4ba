package com.careloop.callback.task;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CallbackTaskRepository extends JpaRepository<CallbackTask, Long> {

    Optional<CallbackTask> findBySourceKey(String sourceKey);
}
