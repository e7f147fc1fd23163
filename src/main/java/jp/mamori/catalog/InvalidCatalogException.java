package jp.mamori.catalog;

import java.util.List;
import java.util.stream.Collectors;

import jp.mamori.shared.BadInputException;

/** A catalog file failed validation; nothing was stored. */
public class InvalidCatalogException extends BadInputException {

	private final List<CatalogError> errors;

	public InvalidCatalogException(String fileName, List<CatalogError> errors) {
		super("チェックリスト定義ファイル " + fileName + " に誤りがあります:\n"
				+ errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	public List<CatalogError> errors() {
		return errors;
	}

}
