package dev.firebreak.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.notification.ChannelType;
import dev.firebreak.platform.Sql;

/** Chat channels; their URL and secret stay encrypted here and are decrypted only to post. */
@Repository
class ChatChannelStore {

	private final JdbcClient jdbc;

	ChatChannelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param url the webhook URL, encrypted
	 * @param urlHost its host, in the clear: enough to recognise it in a list
	 * @param secret the signing secret, encrypted; null for none
	 */
	record Stored(UUID id, String name, ChannelType type, String url, String urlHost, String secret, Instant createdAt) {
	}

	void insert(Stored channel) {
		jdbc.sql("""
				insert into notification_chat_channel (id, name, type, url, url_host, secret, created_at)
				values (:id, :name, :type, :url, :host, :secret, :createdAt)""")
			.param("id", channel.id()).param("name", channel.name()).param("type", channel.type().name())
			.param("url", channel.url()).param("host", channel.urlHost()).param("secret", channel.secret())
			.param("createdAt", Sql.timestamp(channel.createdAt()))
			.update();
	}

	boolean nameTaken(String name) {
		return jdbc.sql("select count(*) from notification_chat_channel where lower(name) = lower(:name)")
			.param("name", name).query(Long.class).single() > 0;
	}

	Optional<Stored> find(UUID id) {
		return jdbc.sql("select * from notification_chat_channel where id = :id").param("id", id)
			.query((rs, n) -> stored(rs)).optional();
	}

	List<Stored> all() {
		return jdbc.sql("select * from notification_chat_channel order by name").query((rs, n) -> stored(rs)).list();
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from notification_chat_channel where id = :id").param("id", id).update() == 1;
	}

	private static Stored stored(ResultSet rs) throws SQLException {
		return new Stored(Sql.uuid(rs, "id"), rs.getString("name"), ChannelType.valueOf(rs.getString("type")),
				rs.getString("url"), rs.getString("url_host"), rs.getString("secret"), Sql.instant(rs, "created_at"));
	}
}
