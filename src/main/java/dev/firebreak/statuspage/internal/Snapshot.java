package dev.firebreak.statuspage.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * The page, its JSON and feeds rendered once for one revision, kept as bytes. Month histories and
 * incident pages are rendered the first time someone asks and kept with it.
 *
 * @param known the count of known changes it was built after ({@link PageChanges#known()})
 * @param validUntil when time alone makes it stale (a new day moves the uptime bars)
 */
record Snapshot(long known, long revision, Instant validUntil, PageData data, String base,
		Map<String, Rendered> fixed, Map<String, Optional<Rendered>> lazy) {

	/** How many pages rendered on demand one snapshot keeps (asking for every month ever must not fill memory). */
	static final int KEPT_ON_DEMAND = 500;

	static final String HTML = "text/html;charset=UTF-8";

	static final String JSON = "application/json";

	static final String ATOM = "application/atom+xml;charset=UTF-8";

	static final String RSS = "application/rss+xml;charset=UTF-8";

	Snapshot(long known, long revision, Instant validUntil, PageData data, String base, Map<String, Rendered> fixed) {
		this(known, revision, validUntil, data, base, Map.copyOf(fixed), new ConcurrentHashMap<>());
	}

	/** What lives at {@code path} (below the page's base), rendering it now if it is rendered on demand. */
	Optional<Rendered> find(String path, Function<String, Optional<Rendered>> render) {
		var found = fixed.get(path);
		if (found != null) {
			return Optional.of(found);
		}
		var cached = lazy.get(path);
		if (cached != null) {
			return cached;
		}
		var rendered = render.apply(path);
		if (rendered.isPresent() && lazy.size() < KEPT_ON_DEMAND) {
			lazy.put(path, rendered);
		}
		return rendered;
	}

	/**
	 * One response body, also compressed once for the clients that take gzip, with the headers that
	 * let clients and proxies keep it (each encoding its own version tag).
	 */
	record Rendered(byte[] body, byte[] gzipped, String contentType, String etag, String gzippedEtag,
			String lastModified) {

		private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

		static Rendered of(String text, String contentType, Instant lastModified) {
			return of(text.getBytes(StandardCharsets.UTF_8), contentType, lastModified);
		}

		static Rendered of(byte[] body, String contentType, Instant lastModified) {
			var crc = new CRC32();
			crc.update(body);
			var tag = Long.toHexString(crc.getValue()) + "-" + body.length;
			return new Rendered(body, gzip(body), contentType, "\"" + tag + "\"", "\"" + tag + "-gzip\"",
					HTTP_DATE.format(lastModified));
		}

		private static byte[] gzip(byte[] body) {
			var out = new ByteArrayOutputStream(body.length / 4 + 64);
			try (var zip = new GZIPOutputStream(out)) {
				zip.write(body);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return out.toByteArray();
		}
	}
}
