package jp.mamori.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.identity.internal.UserRepository;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts and collectors: bound to one organisation and one user, with a
 * role no higher than the user's, an optional expiry, shown once, stored as a SHA-256
 * hash (a token is 256 random bits, so a fast hash is enough: there is nothing to
 * brute-force), revocable, last use recorded.
 */
@Service
public class ApiTokens {

	public static final String PREFIX = "mmr_";

	/** What a presented token stands for; {@code role} is the token's own ceiling. */
	public record TokenHolder(UUID tokenId, OrgId org, UserAccount user, OrgRole role) {
	}

	/** A token as listed: never its secret. */
	public record TokenInfo(UUID id, String username, OrgRole role, String label, Instant createdAt, Instant lastUsedAt,
			Instant expiresAt, Instant revokedAt) {

		public boolean active(Instant now) {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
		}

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

	/** Issues a token with the user's own role and no expiry; returns the token text. */
	@Transactional
	public String create(OrgId org, String username, String createdBy) {
		return create(org, username, null, null, null, createdBy);
	}

	/**
	 * Issues a token for a member of {@code org}; {@code role} null means the member's
	 * role, and may not exceed it. Returns the token text, which is never shown again.
	 */
	@Transactional
	public String create(OrgId org, String username, OrgRole role, String label, Instant expiresAt, String createdBy) {
		UserAccount user = users.findByUsername(username)
			.orElseThrow(() -> new BadInputException("利用者が見つかりません: " + username));
		OrgRole memberRole = users.role(username, org)
			.orElseThrow(() -> new BadInputException("利用者 " + username + " はこの組織に所属していません"));
		OrgRole tokenRole = role == null ? memberRole : role;
		if (tokenRole.ordinal() < memberRole.ordinal()
				|| (tokenRole == OrgRole.VENDOR) != (memberRole == OrgRole.VENDOR)) {
			throw new BadInputException("トークンの権限は利用者の権限（" + memberRole.code() + "）以下にしてください");
		}
		if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
			throw new BadInputException("有効期限は未来の日時にしてください");
		}
		String cleanLabel = label == null || label.isBlank() ? null : label.strip();
		if (cleanLabel != null && cleanLabel.length() > 100) {
			throw new BadInputException("トークンの名前は100文字以内にしてください");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		users.insertToken(id, org, user.id(), Sha256.hex(token), tokenRole, cleanLabel, expiresAt, clock.instant());
		events.publishEvent(new ApiTokenCreated(org, username, id, createdBy));
		return token;
	}

	public List<TokenInfo> list(OrgId org) {
		return users.tokens(org)
			.stream()
			.map(t -> new TokenInfo(t.id(), t.username(), t.role(), t.label(), t.createdAt(), t.lastUsedAt(),
					t.expiresAt(), t.revokedAt()))
			.toList();
	}

	@Transactional
	public void revoke(OrgId org, UUID tokenId, String by) {
		if (users.revokeToken(org, tokenId, clock.instant()) != 1) {
			throw new NotFoundException("トークンが見つかりません");
		}
		events.publishEvent(new ApiTokenRevoked(org, tokenId, by));
	}

	/**
	 * The holder of a presented token, if it is valid, unexpired, not revoked and its
	 * user enabled.
	 */
	@Transactional
	public Optional<TokenHolder> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<TokenHolder> holder = users.tokenOwner(Sha256.hex(token))
			.filter(owner -> owner.user().enabled())
			.filter(owner -> owner.expiresAt() == null || owner.expiresAt().isAfter(now))
			.map(owner -> new TokenHolder(owner.tokenId(), owner.org(), owner.user(), owner.role()));
		holder.ifPresent(h -> users.touchToken(h.tokenId(), now));
		return holder;
	}

}
