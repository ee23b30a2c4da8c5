/**
 * On-call: schedules of rotations in layers with restrictions and overrides, who is on call at
 * an instant, rotation lint and calendar feeds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "On-call")
package dev.firebreak.oncall;
