package jp.mamori.shared.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every ledger the modules declare, in the order the pages list them. */
@Component
public class Ledgers {

	private final List<LedgerDefinition> all;

	Ledgers(List<LedgerDefinition> definitions) {
		this.all = definitions.stream().sorted(Comparator.comparingInt(LedgerDefinition::order)).toList();
	}

	public List<LedgerDefinition> all() {
		return all;
	}

	public Optional<LedgerDefinition> find(String id) {
		return all.stream().filter(l -> l.id().equals(id)).findFirst();
	}

	public LedgerDefinition require(String id) {
		return find(id).orElseThrow(() -> new jp.mamori.shared.NotFoundException("台帳が見つかりません: " + id));
	}

}
