package jp.mamori.assessment;

import java.util.ArrayList;
import java.util.List;

import jp.mamori.catalog.CatalogItem;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.WarekiDate;

/**
 * The form's rules, in one place for the web pages, the API and the exports:
 * <ul>
 * <li>the gate item 医療情報システムを導入、運用している = いいえ makes every other item 確認不要;</li>
 * <li>without a recorded vendor contract, items marked {@code vendor_contract} (2-②/③)
 * are 記入不要, and only they may be answered 記入不要;</li>
 * <li>確認日 is required; いいえ needs a 目標日 within the assessment's 年度.</li>
 * </ul>
 */
final class AnswerRules {

	static final int MAX_NOTE = 2000;

	private AnswerRules() {
	}

	static ItemStatus status(CatalogItem item, AnswerValue value, AnswerValue gateValue, boolean vendorContract) {
		if (!item.isGate() && gateValue == AnswerValue.NO) {
			return ItemStatus.NOT_NEEDED;
		}
		if (value == null) {
			return notRequiredAllowed(item, vendorContract) ? ItemStatus.NOT_REQUIRED : ItemStatus.UNANSWERED;
		}
		return switch (value) {
			case YES -> ItemStatus.YES;
			case NO -> ItemStatus.NO;
			case NOT_REQUIRED -> ItemStatus.NOT_REQUIRED;
		};
	}

	static boolean notRequiredAllowed(CatalogItem item, boolean vendorContract) {
		return item.needsVendorContract() && !vendorContract;
	}

	static List<FieldViolation> violations(CatalogItem item, AnswerCommand command, AnswerValue gateValue,
			boolean vendorContract, FiscalYear fiscalYear) {
		List<FieldViolation> violations = new ArrayList<>();
		AnswerValue value = command.answer() == null ? null : AnswerValue.fromCode(command.answer()).orElse(null);
		if (value == null) {
			violations.add(new FieldViolation("answer", "回答（はい／いいえ）を選んでください"));
		}
		else if (value == AnswerValue.NOT_REQUIRED && !notRequiredAllowed(item, vendorContract)) {
			violations.add(new FieldViolation("answer", item.needsVendorContract()
					? "事業者との契約が登録されているため「記入不要」は選べません。はい／いいえで回答してください" : "「記入不要」は、事業者と契約していない場合の 2-②・2-③ だけで選べます"));
		}
		if (!item.isGate() && gateValue == AnswerValue.NO) {
			violations.add(new FieldViolation("answer", "「医療情報システムの有無」が「いいえ」のため、この項目は確認不要です"));
		}
		if (command.checkedOn() == null) {
			violations.add(new FieldViolation("checkedOn", "確認日を入力してください"));
		}
		// いいえ on the gate means "no medical information system": nothing to fix, so no
		// 目標日
		if (value == AnswerValue.NO && !item.isGate()) {
			if (command.targetDate() == null) {
				violations.add(new FieldViolation("targetDate", "「いいえ」の場合は目標日を入力してください"));
			}
			else if (!fiscalYear.contains(command.targetDate())) {
				violations.add(new FieldViolation("targetDate",
						"目標日は" + fiscalYear.japaneseLabel() + "内（" + WarekiDate.format(fiscalYear.firstDay()) + "〜"
								+ WarekiDate.format(fiscalYear.lastDay()) + "）の日付にしてください"));
			}
		}
		if (command.note() != null && command.note().length() > MAX_NOTE) {
			violations.add(new FieldViolation("note", "備考は" + MAX_NOTE + "文字以内にしてください"));
		}
		return violations;
	}

}
