package dev.firebreak.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The response rubric as configuration ({@code firebreak.policy.*}). The defaults in
 * {@code application.yml} are the rubric of the product specification; every capability that
 * needs a target, a cadence, a deadline or a threshold reads it from here and nowhere else.
 */
@Validated
@ConfigurationProperties("firebreak.policy")
public record FirebreakPolicy(
		/** An incident still without severity this long after it was declared gets {@link #unclassifiedSeverity}. */
		@NotNull Duration unclassifiedAfter,
		@NotNull @Pattern(regexp = "SEV[1-4]", message = "must be SEV1, SEV2, SEV3 or SEV4") String unclassifiedSeverity,
		@Valid @NotNull Severities severities,
		@Valid @NotNull Cadence cadence,
		@Valid @NotNull WarRoom warRoom,
		@Valid @NotNull Escalation escalation,
		@Valid @NotNull Postmortem postmortem,
		@Valid @NotNull OnCallHealth onCallHealth,
		@Valid @NotNull BusinessHours businessHours) {

	/** The roles that have one holder; a policy may require them (experts are never required). */
	private static final String ROLES = "incident_commander|communications_lead|operations_lead|scribe";

	/** The policy of a severity named {@code SEV1}..{@code SEV4}. */
	public SeverityPolicy severity(String severity) {
		return switch (severity) {
			case "SEV1" -> severities.sev1();
			case "SEV2" -> severities.sev2();
			case "SEV3" -> severities.sev3();
			case "SEV4" -> severities.sev4();
			default -> throw new IllegalArgumentException("No severity " + severity);
		};
	}

	public record Severities(@Valid @NotNull SeverityPolicy sev1, @Valid @NotNull SeverityPolicy sev2,
			@Valid @NotNull SeverityPolicy sev3, @Valid @NotNull SeverityPolicy sev4) {
	}

	/**
	 * @param ackTarget time from detection to acknowledgement
	 * @param ackInBusinessHours whether the ack target counts business hours only (SEV3, SEV4)
	 * @param page whether the on-call person is paged at all (SEV4 waits in the queue)
	 * @param requiredRoles roles that must be filled within {@code roleDeadline} (lower snake case)
	 * @param stakeholderCadence how often internal stakeholders hear; null: no stakeholder updates
	 */
	public record SeverityPolicy(@NotNull Duration ackTarget, boolean ackInBusinessHours, boolean page,
			@NotNull List<@Pattern(regexp = ROLES, message = "must be one of " + ROLES) String> requiredRoles,
			@NotNull Duration roleDeadline, @NotNull Requirement warRoom,
			@NotNull Requirement statusPage, Duration stakeholderCadence) {
	}

	public enum Requirement {
		REQUIRED, RECOMMENDED, OPTIONAL, NO
	}

	/**
	 * @param internal the incident channel, every severity
	 * @param externalInvestigating public updates while investigating or identified
	 * @param externalMonitoring public updates while monitoring
	 * @param reminderBefore the communications lead is reminded this long before an update is due
	 */
	public record Cadence(@NotNull Duration internal, @NotNull Duration externalInvestigating,
			@NotNull Duration externalMonitoring, @NotNull Duration reminderBefore) {
	}

	/**
	 * @param sev2UnmitigatedAfter a SEV2 still unmitigated this long after declaration opens a war room
	 * @param checkpoint how often the IC is prompted with the checkpoint questions
	 * @param proposeIcRotationAfter when the platform proposes a fresh incident commander
	 */
	public record WarRoom(@NotNull Duration sev2UnmitigatedAfter, @NotNull Duration checkpoint,
			@NotNull Duration proposeIcRotationAfter, boolean severalServices) {
	}

	/**
	 * @param noMitigationProgressAfterAck escalate one level when nothing is mitigated this long after the ack
	 * @param sev2AsSev1After a SEV2 not mitigated within this is run with SEV1 procedures
	 */
	public record Escalation(@NotNull Duration noMitigationProgressAfterAck, @NotNull Duration sev2AsSev1After) {
	}

	/**
	 * @param recurrenceWithin a SEV3 whose alert (service and dedup key) an incident resolved this
	 *        recently also had recurs from the same cause, and needs a post-mortem
	 */
	public record Postmortem(@NotNull Duration requiredWhenOpenLongerThan, @NotNull Duration draftWithin,
			@NotNull Duration reviewWithin, @NotNull Duration reviewAtTheLatest, @NotNull Duration publishWithin,
			@NotNull Duration actionItemReviewAfter, @NotNull Duration recurrenceWithin) {
	}

	/** Per person per on-call week: below {@code healthy} is healthy, above {@code unhealthy} is not. */
	public record OnCallHealth(@Valid @NotNull Threshold pages, @Valid @NotNull Threshold afterHoursPages,
			@Valid @NotNull DurationThreshold sev1TimeToAck, @Valid @NotNull DurationThreshold sev2TimeToAck,
			@Valid @NotNull ShareThreshold pagesWithRunbook) {
	}

	public record Threshold(int healthy, int unhealthy) {
	}

	public record DurationThreshold(@NotNull Duration healthy, @NotNull Duration unhealthy) {
	}

	/** Shares from 0 to 1; here more is better, so healthy is above {@code healthy}. */
	public record ShareThreshold(double healthy, double unhealthy) {
	}

	/** Default business hours, in the time zone of the service's owner team (a team may set its own). */
	public record BusinessHours(@NotNull LocalTime start, @NotNull LocalTime end, @NotNull Set<DayOfWeek> days) {
	}
}
