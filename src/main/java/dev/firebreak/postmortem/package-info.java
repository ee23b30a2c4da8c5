/**
 * Learning from incidents: the post-mortem an incident's resolution asked for, written from its
 * record and reviewed without blame, and the action items that keep it from happening again.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Post-mortems")
package dev.firebreak.postmortem;
