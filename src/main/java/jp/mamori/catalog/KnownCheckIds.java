package jp.mamori.catalog;

import java.util.Set;

/**
 * Service-provider interface: the evaluation module tells the catalog which check ids
 * exist, so that a catalog file binding an item to an unknown check is rejected. Without
 * an implementation no check id is known.
 */
public interface KnownCheckIds {

	Set<String> ids();

}
