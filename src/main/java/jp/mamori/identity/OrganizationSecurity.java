package jp.mamori.identity;

import java.time.Clock;
import java.util.List;

import jp.mamori.identity.internal.TwoFactorRepository;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's login rule: whether all its members must use two-factor
 * authentication, and who does.
 */
@Service
public class OrganizationSecurity {

	private final TwoFactorRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrganizationSecurity(TwoFactorRepository repository, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	public boolean requiresTwoFactor(OrgId org) {
		return repository.requiredBy(org);
	}

	/**
	 * Members without an authenticator are sent to enrol at their next login, and reach
	 * nothing else until they have.
	 */
	@Transactional
	public void requireTwoFactor(OrgId org, boolean required, String changedBy) {
		boolean before = repository.requiredBy(org);
		if (before == required) {
			return;
		}
		repository.setRequired(org, required, changedBy, clock.instant());
		events.publishEvent(new OrganizationSecurityChanged(org, changedBy, before, required));
	}

	public List<MemberTwoFactor> members(OrgId org) {
		return repository.members(org);
	}

}
