package dev.firebreak.comms;

import java.util.List;

/**
 * What an author sends.
 *
 * @param phase required for the public, refused for the other audiences
 * @param components public component names (public only); null means none
 * @param overrideReason why a public update goes out despite writing findings
 */
public record Post(Audience audience, Phase phase, String text, List<String> components, String overrideReason) {
}
