package jp.mamori.network.config;

/** What a filter rule does with the traffic it matches. */
public enum Action {

	PERMIT, DENY,
	/**
	 * Lets only replies to connections opened from the other side through (iptables
	 * {@code ESTABLISHED,RELATED}, IOS {@code established}, RTX {@code established}):
	 * neither opens nor closes a path for new connections.
	 */
	REPLY

}
