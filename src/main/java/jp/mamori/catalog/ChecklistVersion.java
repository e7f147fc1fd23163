package jp.mamori.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.mamori.shared.FiscalYear;

/**
 * One published checklist version (R5 = 令和5年度版 …), immutable once loaded.
 *
 * @param era printed label, e.g. 令和7年度版
 * @param builtIn shipped with Mamori (as opposed to imported by an administrator)
 */
public record ChecklistVersion(String id, FiscalYear fiscalYear, String era, String title, LocalDate published,
		String sourceUrl, String note, List<ChecklistForm> forms, boolean builtIn) {

	public ChecklistVersion {
		forms = List.copyOf(forms);
	}

	public Optional<ChecklistForm> form(FormCode code) {
		return forms.stream().filter(f -> f.code() == code).findFirst();
	}

}
