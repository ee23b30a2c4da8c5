package dev.firebreak.comms.writing;

/**
 * One thing wrong with a draft.
 *
 * @param rule the writing rule that is broken
 * @param words the offending words exactly as they appear in the text ({@code ""} when something is
 *        missing)
 * @param start character offset of the offending words in the text, or -1 when the finding is about
 *        something missing
 * @param end end offset (exclusive), or -1 when the finding is about something missing
 * @param message what is wrong, in plain language
 * @param suggestion a concrete way to fix it
 */
public record Finding(Rule rule, String words, int start, int end, String message, String suggestion) {

	/** Whether this finding is about something missing rather than words in the text. */
	public boolean missing() {
		return start < 0;
	}
}
