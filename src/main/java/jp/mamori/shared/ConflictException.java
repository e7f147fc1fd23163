package jp.mamori.shared;

/**
 * The request fights the current state: somebody else saved first (optimistic locking) or
 * the record is locked. Nothing was written; the REST API answers 409 with the Japanese
 * message.
 */
public class ConflictException extends BadInputException {

	public ConflictException(String message) {
		super(message);
	}

}
