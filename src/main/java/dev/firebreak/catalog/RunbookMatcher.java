package dev.firebreak.catalog;

/**
 * Links a runbook to the alerts that carry one field with one value: an Alertmanager or Grafana
 * label ({@code alertname=HighErrorRate}), or an Events API v2 payload field ({@code class},
 * {@code component}, {@code group}, {@code source}). Field and value match exactly, as label
 * matchers do.
 */
public record RunbookMatcher(String field, String value) {

	/** True when the alert's fields hold this field with this value. */
	public boolean matches(java.util.Map<String, String> fields) {
		return value.equals(fields.get(field));
	}

	@Override
	public String toString() {
		return field + "=" + value;
	}
}
