package jp.mamori.shared.ledger;

import java.util.List;
import java.util.stream.Collectors;

import jp.mamori.shared.BadInputException;

/** Rows or fields that cannot be stored; nothing was written. */
public class InvalidLedgerDataException extends BadInputException {

	private final List<LedgerError> errors;

	public InvalidLedgerDataException(List<LedgerError> errors) {
		super(errors.stream().limit(20).map(LedgerError::toString).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	public List<LedgerError> errors() {
		return errors;
	}

}
