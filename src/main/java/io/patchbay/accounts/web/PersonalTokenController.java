package io.patchbay.accounts.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.patchbay.accounts.Actor;
import io.patchbay.accounts.PersonalAccessToken;
import io.patchbay.accounts.PersonalAccessTokens;
import io.patchbay.platform.Ids;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member API's personal access tokens ({@code chat-and-bots.md}): {@code POST
 * /api/v1/me/tokens {name}} (the token shown only in this answer), {@code GET} (no
 * secrets), {@code DELETE /api/v1/me/tokens/{id}}.
 */
@RestController
@RequestMapping("/api/v1/me/tokens")
class PersonalTokenController {

	private final PersonalAccessTokens tokens;

	PersonalTokenController(PersonalAccessTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	TokenView create(Actor.Member member, @RequestBody NewToken request) {
		return TokenView.of(this.tokens.create(member, (request.name() != null) ? request.name() : ""));
	}

	@GetMapping
	Map<String, List<TokenView>> list(Actor.Member member) {
		return Map.of("data", this.tokens.list(member).stream().map(TokenView::of).toList());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(Actor.Member member, @PathVariable String id) {
		this.tokens.revoke(member, Ids.parse(id));
	}

	record NewToken(@Nullable String name) {
	}

	/** Ids as decimal strings; {@code token} only in the answer that creates it. */
	record TokenView(String id, String name, String createdAt, @Nullable String lastUsedAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String token) {

		static TokenView of(PersonalAccessToken token) {
			return new TokenView(String.valueOf(token.id()), token.name(), token.createdAt().toString(),
					(token.lastUsedAt() != null) ? token.lastUsedAt().toString() : null, token.token());
		}

	}

}
