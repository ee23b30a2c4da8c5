package dev.firebreak.comms.writing;

/** PLACEHOLDER (drop at merge): one broken writing rule, with the offending words and a suggestion. */
public record Finding(Rule rule, String words, int start, int end, String message, String suggestion) {
}
