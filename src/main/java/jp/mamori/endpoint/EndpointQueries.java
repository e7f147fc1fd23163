package jp.mamori.endpoint;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.endpoint.facts.CollectorFileReader;
import jp.mamori.endpoint.facts.EndpointFacts;
import jp.mamori.endpoint.facts.EndpointFinding;
import jp.mamori.endpoint.facts.UnreadableFactsException;
import jp.mamori.endpoint.internal.EndpointRepository;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read API of imported machines: the list with findings counts, one machine's software,
 * services, local accounts, findings and collected facts, and all findings of the
 * organisation (what the checks read).
 */
@Service
@Transactional(readOnly = true)
public class EndpointQueries {

	/** A finding with the machine it is about. */
	public record MachineFinding(UUID machineId, EndpointFinding finding) {
	}

	private final EndpointRepository repository;

	EndpointQueries(EndpointRepository repository) {
		this.repository = repository;
	}

	public List<EndpointMachine> machines(OrgId org) {
		return repository.machines(org);
	}

	public EndpointMachine require(OrgId org, UUID id) {
		return repository.machine(org, id).orElseThrow(() -> new NotFoundException("この端末は見つかりません"));
	}

	public List<EndpointFacts.Software> software(OrgId org, UUID machineId) {
		return repository.software(org, machineId);
	}

	public List<EndpointFacts.Service> services(OrgId org, UUID machineId) {
		return repository.services(org, machineId);
	}

	public List<LocalAccount> accounts(OrgId org, UUID machineId) {
		return repository.accounts(org, machineId);
	}

	public List<EndpointFinding> findings(OrgId org, UUID machineId) {
		return repository.findings(org, machineId).stream().map(EndpointRepository.MachineFinding::finding).toList();
	}

	/** Every finding of the organisation, machine by machine. */
	public List<MachineFinding> findings(OrgId org) {
		return repository.findings(org, null)
			.stream()
			.map(f -> new MachineFinding(f.machineId(), f.finding()))
			.toList();
	}

	/** The facts as collected (policy, USB, antivirus, remote desktop …). */
	public Optional<EndpointFacts> facts(OrgId org, UUID machineId) {
		return repository.file(org, machineId).flatMap(f -> {
			try {
				return Optional.of(CollectorFileReader.read(f.fileName(), f.bytes()));
			}
			catch (UnreadableFactsException ex) {
				return Optional.empty();
			}
		});
	}

}
