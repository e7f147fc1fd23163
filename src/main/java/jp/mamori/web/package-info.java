/**
 * The web shell every page shares: layout, navigation fragments, locale (Japanese first,
 * English second), conversion of ids in URLs, error pages and the JSON error format of
 * the REST API. Feature pages live in each module's own {@code web} package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "画面共通 (web)")
package jp.mamori.web;
