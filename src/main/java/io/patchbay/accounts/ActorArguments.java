package io.patchbay.accounts;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the member app, the member API, the console and the admin API take the caller as a
 * parameter: {@code Actor.Member} is the signed-in member as such, {@code
 * Actor.Administrator} the same member with the admin permissions they hold now (the
 * session filter keeps those current).
 */
@Component
class ActorArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == Actor.Member.class || type == Actor.Administrator.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInMember member)) {
			throw new AuthenticationCredentialsNotFoundException("Sign in first");
		}
		return (parameter.getParameterType() == Actor.Member.class) ? Actor.member(member)
				: Actor.administrator(member);
	}

}
