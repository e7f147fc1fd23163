package jp.mamori.shared;

/**
 * One broken rule on one input field; the message is Japanese. {@code field} may be null
 * for the whole input. Serializable because pages pass violations on as flash attributes,
 * which the JDBC session store serialises.
 */
public record FieldViolation(String field, String message) implements java.io.Serializable {

}
