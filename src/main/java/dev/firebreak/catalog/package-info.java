/**
 * Catalog: what Firebreak protects and who owns it — services, the teams that own them and the
 * people in those teams.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package dev.firebreak.catalog;
