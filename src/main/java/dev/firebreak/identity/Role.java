package dev.firebreak.identity;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a person may do. Each role includes the ones below it: admin ⊇ responder ⊇ viewer. */
public enum Role {

	/** Reads everything that is not private. */
	VIEWER,
	/** Runs incidents: declares, changes status and severity, takes roles, writes the timeline. */
	RESPONDER,
	/** Administers accounts, the catalog, integrations and policies. */
	ADMIN;

	/** The Spring Security roles this role grants, itself and every role below it. */
	public List<String> grantedRoles() {
		return switch (this) {
			case VIEWER -> List.of("VIEWER");
			case RESPONDER -> List.of("VIEWER", "RESPONDER");
			case ADMIN -> List.of("VIEWER", "RESPONDER", "ADMIN");
		};
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
