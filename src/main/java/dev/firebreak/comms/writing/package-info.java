/**
 * The writing rules for public status updates (PRODUCT §1.5): {@link dev.firebreak.comms.writing.WritingRules#check}
 * turns a {@link dev.firebreak.comms.writing.Draft} into {@link dev.firebreak.comms.writing.Finding}s the author
 * fixes or overrides with a reason. Pure code: no Spring, no database, no clock.
 */
package dev.firebreak.comms.writing;
