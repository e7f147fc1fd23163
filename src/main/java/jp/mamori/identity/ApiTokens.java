package jp.mamori.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.identity.internal.UserRepository;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts and collectors: bound to one organisation and one user, shown
 * once, stored as a SHA-256 hash (a token is 256 random bits, so a fast hash is enough:
 * there is nothing to brute-force).
 */
@Service
public class ApiTokens {

	public static final String PREFIX = "mmr_";

	/** What a presented token stands for. */
	public record TokenHolder(UUID tokenId, OrgId org, UserAccount user) {
	}

	private final SecureRandom random = new SecureRandom();

	private final UserRepository users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApiTokens(UserRepository users, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Issues a token for a member of {@code org}; returns the token text, which is never
	 * shown again.
	 */
	@Transactional
	public String create(OrgId org, String username, String createdBy) {
		UserAccount user = users.findByUsername(username)
			.orElseThrow(() -> new BadInputException("利用者が見つかりません: " + username));
		if (users.role(username, org).isEmpty()) {
			throw new BadInputException("利用者 " + username + " はこの組織に所属していません");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		users.insertToken(id, org, user.id(), Sha256.hex(token), clock.instant());
		events.publishEvent(new ApiTokenCreated(org, username, id, createdBy));
		return token;
	}

	/** The holder of a presented token, if it is valid and its user is enabled. */
	@Transactional
	public Optional<TokenHolder> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Optional<TokenHolder> holder = users.tokenOwner(Sha256.hex(token))
			.filter(owner -> owner.user().enabled())
			.map(owner -> new TokenHolder(owner.tokenId(), owner.org(), owner.user()));
		holder.ifPresent(h -> users.touchToken(h.tokenId(), clock.instant()));
		return holder;
	}

}
