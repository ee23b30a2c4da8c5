/**
 * Insights: what the record of past responses says — times to acknowledge, mitigate and resolve
 * by severity, service and team with their trend; the on-call health of each person each on-call
 * week (pages, pages out of hours as the basis for comp time, times to acknowledge, runbook
 * coverage); the alerts that page for nothing; as reports, charts, CSV and Prometheus gauges.
 * It owns no tables: it reads the other capabilities through their public faces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
package dev.firebreak.insights;
