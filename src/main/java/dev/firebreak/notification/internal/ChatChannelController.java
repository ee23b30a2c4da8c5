package dev.firebreak.notification.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.AdminOnly;
import dev.firebreak.notification.ChannelType;
import dev.firebreak.platform.Page;

/** Chat channels: administrators only, since a channel's URL is itself a credential. */
@RestController
@RequestMapping("/api/v1/notification-channels")
class ChatChannelController {

	private final ChatChannels channels;

	private final ChatChannelStore store;

	ChatChannelController(ChatChannels channels, ChatChannelStore store) {
		this.channels = channels;
		this.store = store;
	}

	@GetMapping
	@AdminOnly
	Page<ChannelView> list() {
		var items = store.all().stream().map(c -> ChannelView.of(c, null)).toList();
		return new Page<>(items, items.size());
	}

	@PostMapping
	@AdminOnly
	ResponseEntity<ChannelView> create(@RequestBody NewChannel request) {
		var created = channels.create(request.name(), request.type(), request.url());
		return ResponseEntity.created(URI.create("/api/v1/notification-channels/" + created.channel().id()))
			.body(ChannelView.of(created.channel(), created.secret()));
	}

	@DeleteMapping("/{id}")
	@AdminOnly
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		channels.delete(id);
	}

	record NewChannel(String name, ChannelType type, String url) {
	}

	/** @param secret a signed webhook's secret, in the answer that created it only */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChannelView(UUID id, String name, ChannelType type, String urlHost, Instant createdAt, String secret) {

		static ChannelView of(ChatChannelStore.Stored channel, String secret) {
			return new ChannelView(channel.id(), channel.name(), channel.type(), channel.urlHost(), channel.createdAt(), secret);
		}
	}
}
