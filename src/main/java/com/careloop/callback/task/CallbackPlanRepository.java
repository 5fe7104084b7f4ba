package com.careloop.callback.task;

import java.util.Optional;

import com.careloop.callback.PlanKind;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CallbackPlanRepository extends JpaRepository<CallbackPlan, Long> {

    Optional<CallbackPlan> findByKind(PlanKind kind);
}
