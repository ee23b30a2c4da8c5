/**
 * Catalog: what Firebreak protects and who owns it — services, the teams that own them and the
 * people in those teams — and the runbooks responders read when paged, linked to services and alerts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package dev.firebreak.catalog;
