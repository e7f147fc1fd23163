package jp.mamori.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.mamori.shared.FiscalYear;

/**
 * The one sentence the dashboard leads with: what to do next, as a message key and its
 * arguments. Order: no checklist → the gate question → unanswered items → carried-over
 * answers to re-check → overdue 目標日 → submit → hand in.
 */
public record NextAction(String key, List<Object> args) {

	public static NextAction of(Optional<AssessmentView> latest, LocalDate today) {
		if (latest.isEmpty()) {
			return new NextAction("dashboard.next.create", List.of(FiscalYear.containing(today).japaneseLabel()));
		}
		AssessmentView view = latest.get();
		AssessmentRound round = view.latestRound();
		int n = round.number();
		if (round.isOpen()) {
			Optional<AssessmentView.Row> gate = view.form().gate().flatMap(g -> view.row(g.id()));
			if (gate.isPresent() && !gate.get().round(n).answered()) {
				return new NextAction("dashboard.next.gate", List.of());
			}
			List<AssessmentView.Row> unanswered = view.unanswered(n);
			if (!unanswered.isEmpty()) {
				return new NextAction("dashboard.next.answer",
						List.of(unanswered.size(), unanswered.get(0).item().label()));
			}
			long recheck = view.needingRecheck(n);
			if (recheck > 0) {
				return new NextAction("dashboard.next.recheck", List.of(recheck));
			}
		}
		long overdue = view.rows()
			.stream()
			.map(r -> r.round(n))
			.filter(a -> a.status() == ItemStatus.NO && a.answer().targetDate() != null
					&& a.answer().targetDate().isBefore(today))
			.count();
		if (overdue > 0) {
			return new NextAction("dashboard.next.overdue", List.of(overdue));
		}
		if (round.isOpen()) {
			return new NextAction("dashboard.next.submit", List.of(n));
		}
		return new NextAction("dashboard.next.export", List.of(n));
	}

	public Object[] argsArray() {
		return args.toArray();
	}

}
