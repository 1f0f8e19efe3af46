package org.sanad.server.audit.oversight;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of the anomaly flags (see {@link Anomalies}). The server refuses to start with
 * values that would silently disable a flag (a zero window, an empty working day).
 *
 * @param distinctDefenders an actor to whom the content of more than this many distinct defenders
 *     was disclosed within {@code window} is flagged
 * @param window the sliding window of that count
 * @param workingHoursStart start of the working day (inclusive), local time in {@code zone}
 * @param workingHoursEnd end of the working day (exclusive); after the start (no overnight shifts)
 * @param workingDays the days staff work; staff access on any other day is flagged
 * @param zone the organisation's time zone (an IANA name PostgreSQL also knows)
 * @param maxRange the longest time range one query may cover
 */
@Validated
@ConfigurationProperties("sanad.audit.anomalies")
record AnomalyProperties(
        @Positive int distinctDefenders,
        @NotNull Duration window,
        @NotNull LocalTime workingHoursStart,
        @NotNull LocalTime workingHoursEnd,
        @NotEmpty Set<DayOfWeek> workingDays,
        @NotNull ZoneId zone,
        @NotNull Duration maxRange) {

    @AssertTrue(message = "window must be positive")
    boolean isWindowPositive() {
        return window == null || (window.isPositive());
    }

    @AssertTrue(message = "max-range must be positive")
    boolean isMaxRangePositive() {
        return maxRange == null || maxRange.isPositive();
    }

    @AssertTrue(message = "working-hours-start must be before working-hours-end")
    boolean isWorkingDayOrdered() {
        return workingHoursStart == null || workingHoursEnd == null || workingHoursStart.isBefore(workingHoursEnd);
    }
}
