/**
 * Alerting: how problems reach Firebreak — integrations bound to a service by a secret routing
 * key, and (as this capability grows) the inbound endpoints, alerts, dedup and grouping.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerting")
package dev.firebreak.alerting;
