/**
 * Communication: status updates to the internal team, stakeholders and the public, each on its cadence, with templates and writing rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Communication")
package dev.firebreak.comms;
