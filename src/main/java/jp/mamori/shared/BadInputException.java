package jp.mamori.shared;

/**
 * Input a person or a file gave us that we cannot accept. The message is Japanese and
 * names the field, row or line; the web layer shows it, the command line prints it and
 * exits with status 2.
 */
public class BadInputException extends RuntimeException {

	public BadInputException(String message) {
		super(message);
	}

	public BadInputException(String message, Throwable cause) {
		super(message, cause);
	}

}
