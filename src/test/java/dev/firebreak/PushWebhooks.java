package dev.firebreak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The people's push webhooks: keeps every request as it arrives, answers 200, and can hold one
 * webhook's next page unanswered (the instance sending it is then mid-send) until released.
 */
final class PushWebhooks implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<String> holdFor = new AtomicReference<>();

	private final AtomicReference<Received> holding = new AtomicReference<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final HttpServer server;

	PushWebhooks() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(threads);
		server.createContext("/hooks/", this::receive);
		server.start();
	}

	/** Where the webhook of this name is: {@code /hooks/<name>}. */
	String url(String hook) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + hook;
	}

	/** The next page to this webhook is kept unanswered until {@link #release}. */
	void holdNextPageTo(String hook) {
		holdFor.set(hook);
	}

	/** The page being held, once it has arrived. */

	Received holding() {
		return holding.get();
	}

	void release() {
		release.countDown();
	}

	List<Received> all() {
		return List.copyOf(received);
	}

	List<Received> to(String hook) {
		return received.stream().filter(r -> r.hook().equals(hook)).toList();
	}

	/** The pages (not notices such as the verification code) to this webhook about the incident. */
	List<Received> pagesTo(String hook, String incident) {
		var exactly = Pattern.compile(Pattern.quote(incident) + "(?!\\d)");
		return to(hook).stream()
			.filter(r -> isPage(r.body()))
			.filter(r -> exactly.matcher(r.body()).find())
			.toList();
	}

	private static boolean isPage(String body) {
		var type = json.readTree(body).get("type");
		return type != null && "page".equals(type.asString());
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			var hook = exchange.getRequestURI().getPath().substring("/hooks/".length());
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var request = new Received(hook, exchange.getRequestHeaders().getFirst("webhook-id"), body);
			received.add(request);
			var held = holdFor.get();
			// (compare-and-set compares references: clear the very string that was set)
			if (isPage(body) && hook.equals(held) && holdFor.compareAndSet(held, null)) {
				holding.set(request);
				try {
					release.await(2, TimeUnit.MINUTES);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			var ok = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
		}
		catch (IOException senderGone) {
			// the instance that sent it was killed while waiting for the answer
		}
	}

	record Received(String hook, String webhookId, String body) {
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
		threads.shutdownNow();
	}
}
