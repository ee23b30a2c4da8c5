package dev.firebreak.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every {@code /api/v1} list answers: {@code {"items": [...], "total": n}}. */
public record Page<T>(List<T> items, long total) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	/** The requested page of a list held whole in memory (a short one: a service's windows, say). */
	public static <T> Page<T> of(List<T> all, Request request) {
		var from = (int) Math.min(all.size(), request.offset());
		return new Page<>(all.subList(from, Math.min(all.size(), from + request.size())), all.size());
	}

	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(items.stream().<R>map(mapper).toList(), total);
	}

	/** Offset and limit from the {@code page} (from 0) and {@code size} query parameters. */
	public record Request(int page, int size) {

		public Request {
			if (page < 0) {
				throw Problems.invalid("/page", "page must be 0 or more (the first page is 0)");
			}
			if (size < 1 || size > MAX_SIZE) {
				throw Problems.invalid("/size", "size must be between 1 and " + MAX_SIZE);
			}
		}

		public static Request of(Integer page, Integer size) {
			return new Request(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
		}

		public long offset() {
			return (long) page * size;
		}
	}
}
