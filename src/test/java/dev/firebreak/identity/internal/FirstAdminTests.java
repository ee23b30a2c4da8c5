package dev.firebreak.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Role;

/** The first start: an administrator from the environment, or one with a password printed once. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

	private final IdentityService identity = mock(IdentityService.class);

	@Test
	void withoutAPasswordOneIsMadeUpAndPrintedOnce(CapturedOutput output) {
		var password = ArgumentCaptor.forClass(String.class);
		when(identity.createFirstAdmin(eq("ops@example.com"), password.capture())).thenAnswer(call -> Optional.of(admin()));

		new FirstAdmin(identity, "ops@example.com", "").run(null);

		assertThat(password.getValue()).hasSizeGreaterThanOrEqualTo(20);
		assertThat(output.getAll()).containsOnlyOnce(password.getValue()).contains("shown once");
	}

	@Test
	void aGivenPasswordIsUsedAndNeverPrinted(CapturedOutput output) {
		when(identity.createFirstAdmin("ops@example.com", "a chosen passphrase")).thenReturn(Optional.of(admin()));

		new FirstAdmin(identity, "ops@example.com", "a chosen passphrase").run(null);

		assertThat(output.getAll()).doesNotContain("a chosen passphrase").contains("created the first administrator");
	}

	@Test
	void anInstallationWithAccountsIsLeftAlone(CapturedOutput output) {
		when(identity.createFirstAdmin(anyString(), anyString())).thenReturn(Optional.empty());

		new FirstAdmin(identity, "ops@example.com", "").run(null);

		assertThat(output.getAll()).doesNotContain("first administrator");
	}

	@Test
	void aPasswordBcryptCannotReadStopsTheStartWithAReason() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new FirstAdmin(identity, "ops@example.com", "x".repeat(73)).run(null))
			.withMessageContaining("FIREBREAK_ADMIN_PASSWORD").withMessageContaining("72 bytes");
		verify(identity, never()).createFirstAdmin(anyString(), anyString());
	}

	private static Account admin() {
		return new Account(UUID.randomUUID(), "ops@example.com", "Administrator", "UTC", Role.ADMIN, Instant.EPOCH);
	}
}
