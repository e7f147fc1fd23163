package jp.mamori.shared;

/**
 * One broken rule on one input field; the message is Japanese. {@code field} may be null
 * for the whole input.
 */
public record FieldViolation(String field, String message) {

}
