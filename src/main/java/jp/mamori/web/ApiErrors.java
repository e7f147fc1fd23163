package jp.mamori.web;

import java.util.List;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The REST API's error format: {@code {"errors":[{"field":…,"message":…}]}} with Japanese
 * messages — 400 for broken rules, 404 for ids not in the organisation, 409 for stale or
 * locked records.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
class ApiErrors {

	record Body(List<FieldViolation> errors) {
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Body> invalid(InvalidInputException ex) {
		return ResponseEntity.badRequest().body(new Body(ex.violations()));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Body> conflict(ConflictException ex) {
		return status(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(BadInputException.class)
	ResponseEntity<Body> bad(BadInputException ex) {
		return status(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Body> notFound(NotFoundException ex) {
		return status(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Body> denied(AccessDeniedException ex) {
		return status(HttpStatus.FORBIDDEN, "この操作を行う権限がありません");
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Body> unreadable(Exception ex) {
		return status(HttpStatus.BAD_REQUEST, "リクエストの形式が正しくありません（JSON・日付は YYYY-MM-DD）");
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Body> notValid(MethodArgumentNotValidException ex) {
		return ResponseEntity.badRequest()
			.body(new Body(ex.getBindingResult()
				.getFieldErrors()
				.stream()
				.map(e -> new FieldViolation(e.getField(), e.getDefaultMessage()))
				.toList()));
	}

	private static ResponseEntity<Body> status(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(new Body(List.of(new FieldViolation(null, message))));
	}

}
