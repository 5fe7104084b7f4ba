package com.careloop.property;

/**
 * Where a sample stands: the notice is with production ({@code REQUESTED}), production cannot make it
 * ({@code UNABLE}, sales notified), it is being made ({@code IN_PRODUCTION}, also after a failed inspection or a
 * rejection: the next round), made and waiting for quality ({@code MADE}), passed and waiting to be sent
 * ({@code PASSED}), with the customer ({@code SENT}), approved ({@code APPROVED}) and sealed as the master sample
 * ({@code SEALED}), and at the end of its keep period disposed of by the keeping department ({@code DISPOSED}).
 */
public enum SampleStatus {
    REQUESTED, UNABLE, IN_PRODUCTION, MADE, PASSED, SENT, APPROVED, SEALED, DISPOSED
}
