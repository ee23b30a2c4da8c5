package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.firebreak.platform.FirebreakPolicy.Requirement;

/**
 * The policy as {@code application.yml} binds it: the rubric of the product specification, and a
 * start-up that refuses a policy with a hole in it. Only the policy is bound here, not the
 * application, so these run in milliseconds and need no database.
 */
class PolicyTests {

	private static final String SEV1_ACK_TARGET = "firebreak.policy.severities.sev1.ack-target";

	/** As the application binds it: the same {@code application.yml}, the same validation. */
	private final ApplicationContextRunner application = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(PolicyOnly.class);

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(FirebreakPolicy.class)
	static class PolicyOnly {
	}

	@Test
	void unclassifiedIncidentsBecomeSev2AfterTenMinutes() {
		application.run(context -> {
			var policy = policy(context);
			assertThat(policy.unclassifiedAfter()).isEqualTo(Duration.ofMinutes(10));
			assertThat(policy.unclassifiedSeverity()).isEqualTo("SEV2");
		});
	}

	@Test
	void sev1IsAcknowledgedInFiveMinutesWithAllFourRolesAndAWarRoom() {
		application.run(context -> {
			var sev1 = policy(context).severity("SEV1");
			assertThat(sev1.ackTarget()).isEqualTo(Duration.ofMinutes(5));
			assertThat(sev1.ackInBusinessHours()).isFalse();
			assertThat(sev1.page()).isTrue();
			assertThat(sev1.requiredRoles()).containsExactly("incident_commander", "communications_lead",
					"operations_lead", "scribe");
			assertThat(sev1.roleDeadline()).isEqualTo(Duration.ofMinutes(15));
			assertThat(sev1.warRoom()).isEqualTo(Requirement.REQUIRED);
			assertThat(sev1.statusPage()).isEqualTo(Requirement.REQUIRED);
			assertThat(sev1.stakeholderCadence()).isEqualTo(Duration.ofMinutes(30));
		});
	}

	@Test
	void sev2IsAcknowledgedInFifteenMinutesWithCommanderAndOperationsLead() {
		application.run(context -> {
			var sev2 = policy(context).severity("SEV2");
			assertThat(sev2.ackTarget()).isEqualTo(Duration.ofMinutes(15));
			assertThat(sev2.ackInBusinessHours()).isFalse();
			assertThat(sev2.page()).isTrue();
			assertThat(sev2.requiredRoles()).containsExactly("incident_commander", "operations_lead");
			assertThat(sev2.roleDeadline()).isEqualTo(Duration.ofMinutes(15));
			assertThat(sev2.warRoom()).isEqualTo(Requirement.RECOMMENDED);
			assertThat(sev2.statusPage()).isEqualTo(Requirement.REQUIRED);
			assertThat(sev2.stakeholderCadence()).isEqualTo(Duration.ofMinutes(60));
		});
	}

	@Test
	void sev3IsAcknowledgedInFourBusinessHoursByTheOnCallEngineerAlone() {
		application.run(context -> {
			var sev3 = policy(context).severity("SEV3");
			assertThat(sev3.ackTarget()).isEqualTo(Duration.ofHours(4));
			assertThat(sev3.ackInBusinessHours()).isTrue();
			assertThat(sev3.page()).isTrue();
			assertThat(sev3.requiredRoles()).isEmpty();
			assertThat(sev3.warRoom()).isEqualTo(Requirement.NO);
			assertThat(sev3.statusPage()).isEqualTo(Requirement.OPTIONAL);
			assertThat(sev3.stakeholderCadence()).isNull();
		});
	}

	@Test
	void sev4WaitsForTheNextBusinessDayWithoutAPage() {
		application.run(context -> {
			var sev4 = policy(context).severity("SEV4");
			assertThat(sev4.page()).isFalse();
			assertThat(sev4.ackInBusinessHours()).isTrue();
			assertThat(sev4.ackTarget()).isEqualTo(Duration.ofHours(24));
			assertThat(sev4.requiredRoles()).isEmpty();
			assertThat(sev4.warRoom()).isEqualTo(Requirement.NO);
			assertThat(sev4.statusPage()).isEqualTo(Requirement.NO);
			assertThat(sev4.stakeholderCadence()).isNull();
		});
	}

	@Test
	void updatesFollowTheirCadenceWithAReminderFiveMinutesBefore() {
		application.run(context -> {
			var cadence = policy(context).cadence();
			assertThat(cadence.internal()).isEqualTo(Duration.ofMinutes(15));
			assertThat(cadence.externalInvestigating()).isEqualTo(Duration.ofMinutes(30));
			assertThat(cadence.externalMonitoring()).isEqualTo(Duration.ofMinutes(60));
			assertThat(cadence.reminderBefore()).isEqualTo(Duration.ofMinutes(5));
		});
	}

	@Test
	void warRoomChecksInEveryFifteenMinutesAndProposesANewCommanderAfterTwoHours() {
		application.run(context -> {
			var warRoom = policy(context).warRoom();
			assertThat(warRoom.checkpoint()).isEqualTo(Duration.ofMinutes(15));
			assertThat(warRoom.proposeIcRotationAfter()).isEqualTo(Duration.ofHours(2));
			assertThat(warRoom.sev2UnmitigatedAfter()).isEqualTo(Duration.ofMinutes(30));
			assertThat(warRoom.severalServices()).isTrue();
		});
	}

	@Test
	void escalationAndPostmortemDeadlinesFollowTheRubric() {
		application.run(context -> {
			var policy = policy(context);
			assertThat(policy.escalation().noMitigationProgressAfterAck()).isEqualTo(Duration.ofMinutes(30));
			assertThat(policy.escalation().sev2AsSev1After()).isEqualTo(Duration.ofMinutes(60));
			var postmortem = policy.postmortem();
			assertThat(postmortem.requiredWhenOpenLongerThan()).isEqualTo(Duration.ofHours(4));
			assertThat(postmortem.draftWithin()).isEqualTo(Duration.ofHours(48));
			assertThat(postmortem.reviewWithin()).isEqualTo(Duration.ofDays(3));
			assertThat(postmortem.reviewAtTheLatest()).isEqualTo(Duration.ofDays(14));
			assertThat(postmortem.publishWithin()).isEqualTo(Duration.ofDays(5));
			assertThat(postmortem.actionItemReviewAfter()).isEqualTo(Duration.ofDays(30));
		});
	}

	@Test
	void onCallHealthHasTheRubricThresholds() {
		application.run(context -> {
			var health = policy(context).onCallHealth();
			assertThat(health.pages()).isEqualTo(new FirebreakPolicy.Threshold(5, 10));
			assertThat(health.afterHoursPages()).isEqualTo(new FirebreakPolicy.Threshold(2, 5));
			assertThat(health.sev1TimeToAck())
				.isEqualTo(new FirebreakPolicy.DurationThreshold(Duration.ofMinutes(5), Duration.ofMinutes(15)));
			assertThat(health.sev2TimeToAck())
				.isEqualTo(new FirebreakPolicy.DurationThreshold(Duration.ofMinutes(15), Duration.ofMinutes(30)));
			assertThat(health.pagesWithRunbook()).isEqualTo(new FirebreakPolicy.ShareThreshold(0.8, 0.5));
		});
	}

	@Test
	void businessHoursAreNineToFiveOnWeekdays() {
		application.run(context -> {
			var hours = policy(context).businessHours();
			assertThat(hours.start()).isEqualTo(LocalTime.of(9, 0));
			assertThat(hours.end()).isEqualTo(LocalTime.of(17, 0));
			assertThat(hours.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
					DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
		});
	}

	@Test
	void severityPolicyIsFoundByTheSeverityName() {
		application.run(context -> {
			var policy = policy(context);
			assertThat(policy.severity("SEV1")).isSameAs(policy.severities().sev1());
			assertThat(policy.severity("SEV4")).isSameAs(policy.severities().sev4());
			assertThatIllegalArgumentException().isThrownBy(() -> policy.severity("SEV5"));
		});
	}

	@Test
	void anEnvironmentVariableOverridesAValue() {
		var environment = new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("FIREBREAK_POLICY_SEVERITIES_SEV1_ACKTARGET", "PT3M"));
		application.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(environment))
			.run(context -> assertThat(policy(context).severity("SEV1").ackTarget()).isEqualTo(Duration.ofMinutes(3)));
	}

	@Test
	void startUpFailsWhenAnAckTargetIsMissing() {
		var withoutAckTarget = new LinkedHashMap<>(applicationYml());
		assertThat(withoutAckTarget.remove(SEV1_ACK_TARGET)).isNotNull();

		new ApplicationContextRunner().withUserConfiguration(PolicyOnly.class)
			.withInitializer(context -> context.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource("application.yml without an ack target", withoutAckTarget)))
			.run(context -> assertThat(startupFailure(context)).contains("firebreak.policy.severities.sev1")
				.contains("ackTarget").contains("must not be null"));
	}

	@Test
	void startUpFailsWhenAnAckTargetIsBlank() {
		application.withPropertyValues(SEV1_ACK_TARGET + "=").run(context -> assertThat(startupFailure(context))
			.contains("firebreak.policy.severities.sev1").contains("ackTarget").contains("must not be null"));
	}

	@Test
	void startUpFailsWhenADurationIsNotADuration() {
		application.withPropertyValues("firebreak.policy.cadence.internal=fifteen minutes")
			.run(context -> assertThat(startupFailure(context)).contains("firebreak.policy.cadence.internal")
				.contains("fifteen minutes"));
	}

	@Test
	void startUpFailsWhenUnclassifiedIncidentsWouldGetNoSuchSeverity() {
		application.withPropertyValues("firebreak.policy.unclassified-severity=SEV5")
			.run(context -> assertThat(startupFailure(context)).contains("unclassifiedSeverity").contains("SEV5"));
	}

	@Test
	void startUpFailsWhenARequiredRoleIsMisspelt() {
		application.withPropertyValues("firebreak.policy.severities.sev2.required-roles=incident_commander,ops_lead")
			.run(context -> assertThat(startupFailure(context)).contains("requiredRoles").contains("ops_lead"));
	}

	@Test
	void startUpFailsWhenAWarRoomRequirementIsUnknown() {
		application.withPropertyValues("firebreak.policy.severities.sev1.war-room=sometimes")
			.run(context -> assertThat(startupFailure(context)).contains("firebreak.policy.severities.sev1.war-room")
				.contains("sometimes"));
	}

	private static FirebreakPolicy policy(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(FirebreakPolicy.class);
	}

	/** Every message of the failure's causes: what a person reading the start-up log would see. */
	private static String startupFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		var messages = new StringBuilder();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private static Map<String, Object> applicationYml() {
		try {
			var properties = new LinkedHashMap<String, Object>();
			for (var source : new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
				var enumerable = (EnumerablePropertySource<?>) source;
				for (var name : enumerable.getPropertyNames()) {
					properties.putIfAbsent(name, enumerable.getProperty(name));
				}
			}
			return properties;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
