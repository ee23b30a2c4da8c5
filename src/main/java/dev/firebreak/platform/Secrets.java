package dev.firebreak.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets Firebreak must be able to show again (integration routing keys, later
 * chat and SMS credentials), so that a copy of the database alone does not reveal them. The key
 * lives outside the database: {@code FIREBREAK_SECRET_KEY} (32 bytes, base64), or else a key
 * generated on the first start into {@code secret.key} in the data directory. Several instances
 * must share one key: set {@code FIREBREAK_SECRET_KEY} on all of them.
 */
@Component
public class Secrets {

	private static final Logger log = LoggerFactory.getLogger(Secrets.class);

	private static final String VERSION = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	Secrets(@Value("${firebreak.secret-key:}") String configured, @Value("${firebreak.data-dir}") String dataDir) {
		this.key = new SecretKeySpec(configured.isBlank() ? fromFile(Path.of(dataDir, "secret.key")) : decode(configured),
				"AES");
	}

	/** AES-256-GCM with a random nonce: {@code v1:<base64 nonce + ciphertext + tag>}. */
	public String encrypt(String plain) {
		try {
			var nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
				.put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not encrypt a secret", e);
		}
	}

	public String decrypt(String stored) {
		if (!stored.startsWith(VERSION)) {
			throw new IllegalStateException("A stored secret is in an unknown format");
		}
		try {
			var bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("A stored secret cannot be decrypted with this FIREBREAK_SECRET_KEY; "
					+ "every instance must use the key the secret was stored with", e);
		}
	}

	/**
	 * A key for one purpose (signing one-click links, say), derived from the secret key with
	 * HMAC-SHA256 over the purpose's name: every instance sharing {@code FIREBREAK_SECRET_KEY}
	 * derives the same one, and no purpose's key reveals the secret key or another purpose's.
	 */
	public byte[] derive(String purpose) {
		try {
			var mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
			return mac.doFinal(("firebreak/" + purpose).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not derive a key for " + purpose, e);
		}
	}

	/**
	 * SHA-256 of a long random secret (an API token, a routing key), in hex: enough to find it by
	 * and useless to an attacker. Passwords, which people choose, take BCrypt instead.
	 */
	public static String fingerprint(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] decode(String configured) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(configured.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("FIREBREAK_SECRET_KEY must be base64, e.g. from 'openssl rand -base64 32'", e);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("FIREBREAK_SECRET_KEY must be 32 bytes (base64 of 32 random bytes), not "
					+ bytes.length);
		}
		return bytes;
	}

	private static byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file));
			}
			var bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			Files.createDirectories(file.getParent());
			try {
				Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.CREATE_NEW);
			}
			catch (FileAlreadyExistsException e) {
				// another instance sharing the directory made it a moment ago: use that one
				return decode(Files.readString(file));
			}
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException e) {
				// not a POSIX file system: the directory's own protection has to do
			}
			log.warn("Generated the secret key {}; back it up with the database, and set FIREBREAK_SECRET_KEY "
					+ "to its contents when running several instances", file);
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read or create the secret key " + file, e);
		}
	}
}
