package jp.mamori.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input broke one or more rules; the REST API answers 400 with {@code {"errors":[{field,
 * message}]}}.
 */
public class InvalidInputException extends BadInputException {

	private final List<FieldViolation> violations;

	public InvalidInputException(List<FieldViolation> violations) {
		super(violations.stream().map(FieldViolation::message).collect(Collectors.joining("。")));
		this.violations = List.copyOf(violations);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldViolation(field, message)));
	}

	public List<FieldViolation> violations() {
		return violations;
	}

}
