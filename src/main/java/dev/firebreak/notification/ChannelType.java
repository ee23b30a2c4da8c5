package dev.firebreak.notification;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a chat channel's posts go. */
public enum ChannelType {

	SLACK_WEBHOOK, TEAMS_WEBHOOK, WEBHOOK;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
