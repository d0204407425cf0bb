package io.patchbay.platform;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, with one shortcut: a request path that does not start
 * with any of a mapping's literal prefixes (the text of its patterns before the first
 * variable or wildcard, {@code /graph/} for {@code /graph/{id}/feed}) cannot match it, so
 * the full condition check, which parses the request's media types for each of the
 * application's mappings, is skipped. A path with {@code %} or {@code ;} in it, which a
 * pattern may match after decoding, gets the full check. Profiled in BENCHMARKS.md (the
 * mapping lookup took about 6 % of the server's CPU under Graph API load).
 */
class LiteralPrefixMappings extends RequestMappingHandlerMapping {

	private static final ThreadLocal<@Nullable String> LOOKUP_PATH = new ThreadLocal<>();

	private static final String[] ANY = { "" };

	/**
	 * By identity: the registry hands back the very infos it was given, and comparing
	 * infos by value costs what this class saves. Replaced whole on each registration
	 * (all at start-up), so that reads take no lock.
	 */
	private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		remember(mapping);
		super.registerHandlerMethod(handler, method, mapping);
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		remember(mapping);
		super.registerMapping(mapping, handler, method);
	}

	private synchronized void remember(RequestMappingInfo mapping) {
		Map<RequestMappingInfo, String[]> next = new IdentityHashMap<>(this.prefixes);
		next.put(mapping, prefixes(mapping));
		this.prefixes = next;
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
		LOOKUP_PATH.set(plain ? lookupPath : null);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			LOOKUP_PATH.remove();
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String path = LOOKUP_PATH.get();
		// An info registered some other way has no entry: it gets the full check.
		String[] literal = (path != null) ? this.prefixes.get(info) : null;
		if (literal != null && !startsWithAny(path, literal)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	private static boolean startsWithAny(String path, String[] prefixes) {
		for (String prefix : prefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	static String[] prefixes(RequestMappingInfo info) {
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (patterns == null || patterns.getPatterns().isEmpty()) {
			return ANY;
		}
		return patterns.getPatterns().stream().map(PathPattern::getPatternString).map((pattern) -> {
			int end = pattern.length();
			for (char special : new char[] { '{', '*', '?' }) {
				int at = pattern.indexOf(special);
				if (at >= 0) {
					end = Math.min(end, at);
				}
			}
			return pattern.substring(0, end);
		}).toArray(String[]::new);
	}

}
