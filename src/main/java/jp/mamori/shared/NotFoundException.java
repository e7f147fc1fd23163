package jp.mamori.shared;

/**
 * Nothing with that id in this organisation (the same answer whether it exists elsewhere
 * or not).
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
