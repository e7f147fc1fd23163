package jp.mamori.endpoint.facts;

import jp.mamori.shared.BadInputException;

/**
 * A collector file that cannot be read: not JSON, another schema version, or no host
 * name. The message is Japanese and names the file.
 */
public class UnreadableFactsException extends BadInputException {

	public UnreadableFactsException(String message) {
		super(message);
	}

}
