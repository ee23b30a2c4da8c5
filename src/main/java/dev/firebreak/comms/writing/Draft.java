package dev.firebreak.comms.writing;

import java.util.Collection;

/** PLACEHOLDER (drop at merge): a public update before it is posted. */
public record Draft(String text, boolean resolved, boolean customersReported, Collection<String> internalNames) {
}
