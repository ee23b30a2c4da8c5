package dev.firebreak.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request a mitigation action sends, exactly as registered.
 *
 * @param method GET, POST, PUT, PATCH or DELETE
 * @param url an absolute http(s) URL
 * @param headers header name to value, in the order given; the values are the real ones (an API
 *        token, say), which the catalog keeps encrypted and never shows again
 * @param body the request body, or null for none
 */
public record HttpCall(String method, String url, Map<String, String> headers, String body) {

	public HttpCall {
		headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}
}
