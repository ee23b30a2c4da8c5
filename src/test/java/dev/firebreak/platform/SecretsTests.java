package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@TempDir
	Path dataDir;

	@Test
	void whatIsEncryptedDecryptsAndDiffersEachTime() {
		var secrets = new Secrets(KEY, dataDir.toString());
		var first = secrets.encrypt("0123456789abcdef0123456789abcdef");
		var second = secrets.encrypt("0123456789abcdef0123456789abcdef");

		assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("0123456789abcdef");
		assertThat(secrets.decrypt(first)).isEqualTo("0123456789abcdef0123456789abcdef");
		assertThat(secrets.decrypt(second)).isEqualTo("0123456789abcdef0123456789abcdef");
	}

	@Test
	void aDerivedKeyIsTheSameForOnePurposeAndDiffersBetweenPurposesAndKeys() {
		var secrets = new Secrets(KEY, dataDir.toString());
		var other = new Secrets(Base64.getEncoder().encodeToString("another key of exactly 32 bytes!".getBytes()),
				dataDir.toString());

		assertThat(secrets.derive("ack-links")).hasSize(32).isEqualTo(new Secrets(KEY, dataDir.toString()).derive("ack-links"))
			.isNotEqualTo(secrets.derive("calendar")).isNotEqualTo(other.derive("ack-links"));
	}

	@Test
	void anotherKeyCannotReadItAndSaysWhy() {
		var stored = new Secrets(KEY, dataDir.toString()).encrypt("routing key");
		var other = new Secrets(Base64.getEncoder().encodeToString("another key of exactly 32 bytes!".getBytes()),
				dataDir.toString());

		assertThatIllegalStateException().isThrownBy(() -> other.decrypt(stored))
			.withMessageContaining("FIREBREAK_SECRET_KEY");
	}

	@Test
	void withoutAConfiguredKeyOneIsGeneratedOnceIntoTheDataDirectory() throws Exception {
		var stored = new Secrets("", dataDir.toString()).encrypt("kept across restarts");

		assertThat(dataDir.resolve("secret.key")).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secret.key"))))
			.isEqualTo("rw-------");
		assertThat(new Secrets("", dataDir.toString()).decrypt(stored)).isEqualTo("kept across restarts");
	}

	@Test
	void aMalformedKeyStopsTheStartWithAReason() {
		assertThatIllegalStateException().isThrownBy(() -> new Secrets("not base64!", dataDir.toString()))
			.withMessageContaining("base64");
		assertThatIllegalStateException()
			.isThrownBy(() -> new Secrets(Base64.getEncoder().encodeToString(new byte[16]), dataDir.toString()))
			.withMessageContaining("32 bytes");
	}

	@Test
	void aFingerprintIsSha256InHex() {
		assertThat(Secrets.fingerprint("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}
}
