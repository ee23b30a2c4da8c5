package dev.firebreak.comms.writing;

/** PLACEHOLDER (drop at merge): the writing rules of public updates. */
public enum Rule {
	INTERNAL_NAME, VAGUE_PHRASE
}
