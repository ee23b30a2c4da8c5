package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.notification.ChannelType;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.Notice;
import dev.firebreak.notification.NotificationTest;

/** Telling a person once per notice, and posting to chat channels an administrator set up. */
class NoticeTests extends NotificationTest {

	@Autowired
	DeliveryStore store;

	@Autowired
	ChannelDirectory directory;

	@Test
	void aNoticeGoesOncePerKeyToTheFirstHighUrgencyMethod() {
		var max = person("responder");
		var address = address("max");
		rule(max, "high", verifiedEmail(max, address), 0);
		var notice = new Notice("handoff-" + UUID.randomUUID(), "You are on call from 09:00", "Payments primary, one week.",
				"http://localhost:8080/schedules");

		notifications.tell(max.id(), notice);
		notifications.tell(max.id(), notice);
		settle();

		assertThat(pages(address)).extracting(dev.firebreak.notification.TestMail::subject)
			.containsExactly("You are on call from 09:00");
		assertThat(dev.firebreak.notification.TestMail.text(pages(address).get(0))).contains("Payments primary, one week.",
				"http://localhost:8080/schedules");
	}

	@Test
	void aNoticeToSomeoneWithoutRulesGoesToTheirAccountsEmail() {
		var nia = person("viewer");

		notifications.tell(nia.id(), new Notice("n-" + UUID.randomUUID(), "Welcome", "Set up your contact methods.", null));
		settle();

		assertThat(pages(nia.email())).extracting(dev.firebreak.notification.TestMail::subject).containsExactly("Welcome");
	}

	@Test
	void channelsAreAdministeredAndAnAnnouncementIsOneRowPerKey() {
		var admin = adminToken();
		var name = "#incidents-" + UUID.randomUUID();
		var created = api.post("/api/v1/notification-channels", admin,
				"{\"name\": \"%s\", \"type\": \"webhook\", \"url\": \"http://127.0.0.1:9/hook\"}".formatted(name))
			.expectStatus(201).json();
		assertThat(created.get("secret").asString()).startsWith("whsec_").hasSize("whsec_".length() + 44);
		assertThat(created.get("url_host").asString()).isEqualTo("http://127.0.0.1:9/…");
		var id = UUID.fromString(created.get("id").asString());
		var listed = api.get("/api/v1/notification-channels", admin).expectStatus(200).json().get("items").values().stream()
			.filter(c -> c.get("id").asString().equals(id.toString())).toList();
		assertThat(listed).singleElement().satisfies(c -> assertThat(c.get("secret")).isNull());
		assertThat(notifications.channels()).anySatisfy(c -> {
			assertThat(c.id()).isEqualTo(id);
			assertThat(c.type()).isEqualTo(ChannelType.WEBHOOK);
		});

		var key = "announce-" + UUID.randomUUID();
		notifications.announce(id, new Notice(key, "INC-1 declared", "Checkout fails", null));
		notifications.announce(id, new Notice(key, "INC-1 declared", "Checkout fails", null));
		settle();

		var row = store.byKey("announce:" + key + "/" + id).orElseThrow();
		assertThat(row.channelId()).isEqualTo(id);
		if (directory.sender(ChannelType.WEBHOOK).isEmpty()) {
			assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(row.providerAnswer()).contains("no sender for webhook channels");
		}
		else {
			assertThat(row.status()).isNotEqualTo(DeliveryStatus.CANCELLED);
		}

		api.delete("/api/v1/notification-channels/" + id, admin).expectStatus(204);
		assertThat(notifications.channels()).noneSatisfy(c -> assertThat(c.id()).isEqualTo(id));
	}

	@Test
	void onlyAdministratorsSeeOrChangeChannelsAndBadInputNamesTheField() {
		var responder = person("responder");
		api.get("/api/v1/notification-channels", responder.token()).problem(403);
		api.post("/api/v1/notification-channels", responder.token(),
				"{\"name\": \"x\", \"type\": \"slack_webhook\", \"url\": \"https://hooks.example.com/x\"}").problem(403);

		var admin = adminToken();
		var noUrl = api.post("/api/v1/notification-channels", admin,
				"{\"name\": \"x-%s\", \"type\": \"slack_webhook\", \"url\": \"javascript:alert(1)\"}".formatted(UUID.randomUUID()))
			.problem(400);
		assertThat(noUrl.get("errors").get(0).get("pointer").asString()).isEqualTo("/url");
		var noName = api.post("/api/v1/notification-channels", admin,
				"{\"name\": \" \", \"type\": \"slack_webhook\", \"url\": \"https://hooks.example.com/x\"}").problem(400);
		assertThat(noName.get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
		api.delete("/api/v1/notification-channels/" + UUID.randomUUID(), admin).problem(404);
	}
}
