/**
 * Platform: what every capability shares — the clock, the response policy, the API's JSON and
 * error conventions (RFC 9457 problem details), paging, and checks on text and SQL values.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.firebreak.platform;
