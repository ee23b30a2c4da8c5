package dev.firebreak.notification;

import java.util.UUID;

/** A chat channel Firebreak posts to: a Slack or Teams incoming webhook, or a signed webhook. */
public record ChatChannel(UUID id, String name, ChannelType type) {
}
