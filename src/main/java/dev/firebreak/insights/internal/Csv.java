package dev.firebreak.insights.internal;

import java.util.LinkedHashMap;
import java.util.List;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/** A table as CSV (RFC 4180, a header row, empty cells for values a report does not have). */
final class Csv {

	// quotes a value only when it must be (by default long values are quoted without looking)
	private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	private Csv() {
	}

	static String write(List<String> columns, List<List<Object>> rows) {
		var schema = CsvSchema.builder();
		columns.forEach(schema::addColumn);
		var maps = rows.stream().map(row -> {
			var map = new LinkedHashMap<String, Object>();
			for (int i = 0; i < columns.size(); i++) {
				map.put(columns.get(i), row.get(i) == null ? "" : row.get(i).toString());
			}
			return map;
		}).toList();
		return MAPPER.writer(schema.build().withHeader().withLineSeparator("\r\n")).writeValueAsString(maps);
	}
}
