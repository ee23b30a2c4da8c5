/**
 * Escalation: who is paged, in what order, until someone answers. Escalation policies (ordered
 * levels of people, schedules, teams and chat channels, each with a delay, repeated N times)
 * attached to services, and the engine that runs them on durable timers: page level 1, move on
 * when nobody acknowledges in time, stop at the acknowledgement or the resolution — for incidents,
 * and for critical and error alerts a service routes to no incident.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package dev.firebreak.escalation;
