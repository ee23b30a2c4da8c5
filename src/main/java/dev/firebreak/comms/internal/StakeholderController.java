package dev.firebreak.comms.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.AdminOnly;

/** A service's stakeholder list: the addresses its incidents' business-impact digests go to. Admins only. */
@RestController
class StakeholderController {

	private final StakeholderLists lists;

	StakeholderController(StakeholderLists lists) {
		this.lists = lists;
	}

	@GetMapping("/api/v1/services/{id}/stakeholders")
	@AdminOnly
	Stakeholders get(@PathVariable UUID id) {
		return new Stakeholders(lists.of(id));
	}

	@PutMapping("/api/v1/services/{id}/stakeholders")
	@AdminOnly
	Stakeholders put(@PathVariable UUID id, @RequestBody Stakeholders request) {
		return new Stakeholders(lists.replace(id, request.emails()));
	}

	record Stakeholders(List<String> emails) {
	}
}
