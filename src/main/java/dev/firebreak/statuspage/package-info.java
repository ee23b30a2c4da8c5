/**
 * The public status page: components mapped to catalog services, their uptime, public incidents
 * built from the public status updates, scheduled maintenance, subscribers, and the page and its
 * standard JSON served from memory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Status page")
package dev.firebreak.statuspage;
