package dev.firebreak.insights.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A line chart laid out for a server-rendered SVG: the template draws what this computes (axes,
 * ticks, one polyline per series, a dot and its value per point), so the page needs no script.
 * A missing value (no incident reached the milestone that week) breaks the line instead of
 * dropping it to zero. Each series has a dash pattern as well as a colour, and the chart's title
 * and description carry every number, so nothing is said by colour alone.
 */
final class LineChart {

	static final int WIDTH = 720;

	static final int HEIGHT = 300;

	static final int LEFT = 96;

	static final int RIGHT = 16;

	static final int TOP = 16;

	static final int BOTTOM = 48;

	/** Okabe–Ito colours, distinguishable with every common colour-vision deficiency, each ≥ 3:1 on white. */
	static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#007A5A");

	static final List<String> DASHES = List.of("", "8 4", "2 3");

	private LineChart() {
	}

	/** A series of values, one per x label; null where there is none. */
	record Series(String name, List<Double> values) {
	}

	record Tick(double at, String label) {
	}

	record Dot(double x, double y, String label) {
	}

	/** @param segments polyline point lists ("x,y x,y"), one per unbroken run of values */
	record Line(String name, String colour, String dash, List<String> segments, List<Dot> dots) {
	}

	record Chart(int width, int height, String title, String description, double left, double right, double top,
			double bottom, List<Tick> xTicks, List<Tick> yTicks, List<Line> lines, boolean empty) {
	}

	static Chart of(String title, List<String> xLabels, List<Series> series, DoubleFunction<String> format) {
		var max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).mapToDouble(Double::doubleValue)
			.max().orElse(0);
		// about four steps of a round size, so the axis reads "10 min, 20 min", not "12 min 30 s"
		var stepSize = niceCeiling(max / 4);
		var top = max <= 0 ? stepSize : Math.ceil(max / stepSize) * stepSize;
		var plotLeft = LEFT;
		var plotRight = WIDTH - RIGHT;
		var plotTop = TOP;
		var plotBottom = HEIGHT - BOTTOM;
		var step = xLabels.size() > 1 ? (double) (plotRight - plotLeft) / (xLabels.size() - 1) : 0;
		var xTicks = new ArrayList<Tick>();
		// at most about eight labels on the axis; every point still has its own value
		var every = Math.max(1, (int) Math.ceil(xLabels.size() / 8.0));
		for (int i = 0; i < xLabels.size(); i += every) {
			xTicks.add(new Tick(x(i, plotLeft, step, xLabels.size()), xLabels.get(i)));
		}
		var yTicks = new ArrayList<Tick>();
		for (int i = 0; i * stepSize <= top + stepSize / 1000; i++) {
			var value = i * stepSize;
			yTicks.add(new Tick(y(value, top, plotTop, plotBottom), format.apply(value)));
		}
		var lines = new ArrayList<Line>();
		var description = new StringBuilder();
		for (int s = 0; s < series.size(); s++) {
			var values = series.get(s).values();
			var segments = new ArrayList<String>();
			var dots = new ArrayList<Dot>();
			var segment = new StringBuilder();
			for (int i = 0; i < values.size(); i++) {
				var value = values.get(i);
				if (value == null) {
					if (!segment.isEmpty()) {
						segments.add(segment.toString().trim());
						segment.setLength(0);
					}
					continue;
				}
				var px = x(i, plotLeft, step, values.size());
				var py = y(value, top, plotTop, plotBottom);
				segment.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
				dots.add(new Dot(px, py, series.get(s).name() + " " + xLabels.get(i) + ": " + format.apply(value)));
			}
			if (!segment.isEmpty()) {
				segments.add(segment.toString().trim());
			}
			lines.add(new Line(series.get(s).name(), COLOURS.get(s % COLOURS.size()), DASHES.get(s % DASHES.size()),
					segments, dots));
		}
		for (int i = 0; i < xLabels.size(); i++) {
			description.append(i == 0 ? "" : "; ").append(xLabels.get(i)).append(":");
			for (var s : series) {
				var value = s.values().get(i);
				description.append(" ").append(s.name()).append(" ").append(value == null ? "none" : format.apply(value));
			}
		}
		return new Chart(WIDTH, HEIGHT, title, description.toString(), plotLeft, plotRight, plotTop, plotBottom, xTicks,
				yTicks, lines, max == 0 && lines.stream().allMatch(line -> line.dots().isEmpty()));
	}

	/** A single week stands in the middle. */
	private static double x(int index, double left, double step, int count) {
		return count > 1 ? left + index * step : left + (WIDTH - RIGHT - left) / 2;
	}

	private static double y(double value, double top, double plotTop, double plotBottom) {
		return top == 0 ? plotBottom : plotBottom - (plotBottom - plotTop) * value / top;
	}

	/** The smallest of 1, 2, 2.5, 5 or 10 times a power of ten at or above the value (1 for none). */
	static double niceCeiling(double max) {
		if (max <= 0) {
			return 1;
		}
		var power = Math.pow(10, Math.floor(Math.log10(max)));
		for (var factor : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (factor * power >= max) {
				return factor * power;
			}
		}
		return 10 * power;
	}
}
