package jp.mamori.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.mamori.catalog.KnownCheckIds;
import org.springframework.stereotype.Component;

/** Every check the modules contribute, by id; tells the catalog which check ids exist. */
@Component
public class Checks implements KnownCheckIds {

	private final Map<String, Check> byId = new LinkedHashMap<>();

	Checks(List<Check> checks) {
		for (Check check : checks) {
			if (byId.put(check.id(), check) != null) {
				throw new IllegalStateException("two checks with the id " + check.id());
			}
		}
	}

	@Override
	public Set<String> ids() {
		return byId.keySet();
	}

	public Optional<Check> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

}
