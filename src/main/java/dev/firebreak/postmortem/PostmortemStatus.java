package dev.firebreak.postmortem;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a post-mortem stands: written, reviewed, then published for good. */
public enum PostmortemStatus {

	/** Being written; the facts follow the incident's record. */
	DRAFT,
	/** Submitted for the review meeting; still editable, and may go back to draft. */
	IN_REVIEW,
	/** Final: its text and its facts are frozen. */
	PUBLISHED;

	/** The statuses this one may move to. */
	public Set<PostmortemStatus> next() {
		return switch (this) {
			case DRAFT -> EnumSet.of(IN_REVIEW);
			case IN_REVIEW -> EnumSet.of(DRAFT, PUBLISHED);
			case PUBLISHED -> EnumSet.noneOf(PostmortemStatus.class);
		};
	}

	public boolean isEditable() {
		return this != PUBLISHED;
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
