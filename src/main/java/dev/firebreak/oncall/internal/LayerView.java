package dev.firebreak.oncall.internal;

import java.util.List;
import java.util.UUID;

/** A layer as the API shows it: local times as sent, without seconds. */
record LayerView(UUID id, int position, String name, List<UUID> participants, int shiftCount, ShiftUnit shiftUnit,
		String start, String end, List<LayerInput.RestrictionInput> restrictions) {

	static LayerView of(Layer layer) {
		return new LayerView(layer.id(), layer.position(), layer.name(), layer.participants(), layer.shiftCount(),
				layer.shiftUnit(), layer.start().toString(), layer.end() == null ? null : layer.end().toString(),
				layer.restrictions().stream()
					.map(r -> new LayerInput.RestrictionInput(r.type().toString(), r.startDayName(),
							r.startTime().toString(), r.endDayName(), r.endTime().toString()))
					.toList());
	}
}
