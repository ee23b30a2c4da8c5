package dev.firebreak.statuspage.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Serves the public page, its JSON and feeds straight from the servlet container, ahead of
 * security and Spring MVC: the page is public and already rendered, so a request costs a lookup
 * and a write. Answers {@code 304} to a client that holds the same version ({@code ETag},
 * {@code Last-Modified}). Under {@code /status}, or at {@code /} on the page's own host name.
 * Anything else (subscribing, an unknown path) goes on to the application.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatusPageServer implements Filter {

	/** What the subscribe pages under {@code /status} load from the application, on the page's own host too. */
	private static final Pattern ASSETS = Pattern.compile("/(css|webjars)/.*|/favicon\\.ico");

	/** Set by Tomcat on a request it can answer with sendfile (its NIO connector with sendfile on). */
	static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";

	private final StatusSnapshots snapshots;

	private final SendfileCopies copies;

	private final String cacheControl;

	StatusPageServer(StatusSnapshots snapshots, SendfileCopies copies, StatusPagePolicy policy) {
		this.snapshots = snapshots;
		this.copies = copies;
		this.cacheControl = "public, max-age=" + policy.cacheFor().toSeconds();
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		var request = (HttpServletRequest) servletRequest;
		var response = (HttpServletResponse) servletResponse;
		var method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			chain.doFilter(request, response);
			return;
		}
		var path = request.getRequestURI().substring(request.getContextPath().length());
		String base;
		String below;
		if (path.startsWith(StatusSnapshots.BASE) && (path.length() == StatusSnapshots.BASE.length()
				|| path.charAt(StatusSnapshots.BASE.length()) == '/')) {
			base = StatusSnapshots.BASE;
			below = path.substring(StatusSnapshots.BASE.length());
		}
		else if (isOwnHost(request)) {
			base = "";
			below = path;
		}
		else {
			chain.doFilter(request, response);
			return;
		}
		var snapshot = snapshots.get(base);
		var found = snapshot.find(below, p -> snapshots.onDemand(snapshot, p));
		if (found.isEmpty()) {
			if (base.isEmpty() && !ASSETS.matcher(path).matches()) {
				// the page's own host shows the page, not the application behind it
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		var rendered = found.get();
		var gzip = acceptsGzip(request);
		var etag = gzip ? rendered.gzippedEtag() : rendered.etag();
		var body = gzip ? rendered.gzipped() : rendered.body();
		response.setHeader("ETag", etag);
		response.setHeader("Vary", "Accept-Encoding");
		response.setHeader("Last-Modified", rendered.lastModified());
		response.setHeader("Cache-Control", cacheControl);
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (below.startsWith("/api/")) {
			// widgets on other sites read the JSON
			response.setHeader("Access-Control-Allow-Origin", "*");
		}
		if (notModified(request, etag, rendered.lastModified())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(rendered.contentType());
		if (gzip) {
			response.setHeader("Content-Encoding", "gzip");
		}
		response.setContentLength(body.length);
		if (!"GET".equals(method)) {
			return;
		}
		var file = gzip || !Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED)) ? null
				: copies.fileOf(rendered);
		if (file != null) {
			// Tomcat sends the file's bytes from the kernel once this returns
			request.setAttribute("org.apache.tomcat.sendfile.filename", file.toString());
			request.setAttribute("org.apache.tomcat.sendfile.start", 0L);
			request.setAttribute("org.apache.tomcat.sendfile.end", (long) body.length);
			return;
		}
		response.getOutputStream().write(body);
	}

	private boolean isOwnHost(HttpServletRequest request) {
		var host = snapshots.ownHost();
		return host != null && host.equalsIgnoreCase(request.getServerName());
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		var accepted = request.getHeader("Accept-Encoding");
		return accepted != null && accepted.contains("gzip") && !accepted.contains("gzip;q=0");
	}

	private static boolean notModified(HttpServletRequest request, String etag, String lastModified) {
		var tags = request.getHeader("If-None-Match");
		if (tags != null) {
			for (var tag : tags.split(",")) {
				var t = tag.strip();
				if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
					return true;
				}
			}
			return false;
		}
		var since = request.getHeader("If-Modified-Since");
		return since != null && since.equals(lastModified);
	}
}
