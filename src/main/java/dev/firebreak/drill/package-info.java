/**
 * Fire drills: practice of the real response on a service. A drill raises a real alert marked as a
 * drill, which opens a drill incident that pages the service's on-call through its real escalation
 * policy, with every message marked DRILL and the war room as the severity requires, but never the
 * status page. The times to acknowledge and to mitigate are recorded against the service's runbook,
 * and a drill report takes the post-mortem's place.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fire drills")
package dev.firebreak.drill;
