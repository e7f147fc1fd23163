package jp.mamori.identity.web;

import java.util.List;

/**
 * What the page header shows: who is logged in and the organisations they can switch
 * between.
 */
public record Navigation(String username, String displayName, boolean systemAdmin, List<OrgLink> organizations,
		OrgLink current) {

	public record OrgLink(String id, String name, String kind, String role) {
	}

}
