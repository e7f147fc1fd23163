package jp.mamori.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.mamori.assessment.internal.AssessmentRepository;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.catalog.ChecklistVersion;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read API of the assessment module; every method is scoped by organisation. */
@Service
@Transactional(readOnly = true)
public class AssessmentQueries {

	private final AssessmentRepository repository;

	private final Catalog catalog;

	private final Organizations organizations;

	AssessmentQueries(AssessmentRepository repository, Catalog catalog, Organizations organizations) {
		this.repository = repository;
		this.catalog = catalog;
		this.organizations = organizations;
	}

	public List<Assessment> list(OrgId org) {
		return repository.findAll(org);
	}

	public Optional<Assessment> find(OrgId org, UUID id) {
		return repository.find(org, id);
	}

	public Assessment require(OrgId org, UUID id) {
		return find(org, id).orElseThrow(() -> new NotFoundException("チェックリストが見つかりません"));
	}

	public AssessmentView view(OrgId org, UUID id) {
		return view(require(org, id));
	}

	/**
	 * The most recent assessment (latest 年度, then newest), if the organisation has any.
	 */
	public Optional<AssessmentView> latest(OrgId org) {
		return repository.findAll(org).stream().findFirst().map(this::view);
	}

	public List<AssessmentRound> rounds(OrgId org, UUID id) {
		return repository.rounds(org, id);
	}

	AssessmentView view(Assessment assessment) {
		OrgId org = assessment.org();
		ChecklistVersion version = catalog.requireVersion(assessment.versionId());
		ChecklistForm form = catalog.requireForm(assessment.versionId(), assessment.form());
		boolean vendorContract = organizations.hasVendorContract(org);
		List<AssessmentRound> rounds = repository.rounds(org, assessment.id());
		Map<String, Answer> answers = new HashMap<>();
		for (Answer answer : repository.answers(org, assessment.id())) {
			answers.put(answer.round() + "/" + answer.itemId(), answer);
		}
		Optional<CatalogItem> gate = form.gate();
		List<AssessmentView.Row> rows = new ArrayList<>();
		for (CatalogItem item : form.items()) {
			List<AssessmentView.RoundAnswer> perRound = new ArrayList<>();
			for (AssessmentRound round : rounds) {
				Answer answer = answers.getOrDefault(round.number() + "/" + item.id(),
						Answer.blank(item.id(), round.number()));
				var gateValue = gate.map(g -> answers.get(round.number() + "/" + g.id()))
					.map(Answer::value)
					.orElse(null);
				perRound.add(new AssessmentView.RoundAnswer(answer,
						AnswerRules.status(item, answer.value(), gateValue, vendorContract)));
			}
			rows.add(new AssessmentView.Row(item, perRound));
		}
		return new AssessmentView(assessment, version, form, vendorContract, rounds, rows,
				newConcepts(assessment, form));
	}

	private Set<String> newConcepts(Assessment assessment, ChecklistForm form) {
		if (assessment.seededFrom() == null) {
			return Set.of();
		}
		return repository.find(assessment.org(), assessment.seededFrom())
			.flatMap(previous -> catalog.form(previous.versionId(), previous.form()))
			.map(previous -> {
				Set<String> old = previous.items().stream().map(CatalogItem::concept).collect(Collectors.toSet());
				return form.items()
					.stream()
					.map(CatalogItem::concept)
					.filter(c -> !old.contains(c))
					.collect(Collectors.toSet());
			})
			.orElse(Set.of());
	}

}
