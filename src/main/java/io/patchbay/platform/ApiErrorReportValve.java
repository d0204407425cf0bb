package io.patchbay.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the errors that Tomcat raises before any application code runs (a path with
 * {@code %00} or an encoded slash, a malformed request line) in the format of the API
 * that was called, instead of Tomcat's HTML page: the Graph error envelope under
 * {@code /graph}, a problem detail elsewhere. Tomcat creates it by class name, outside
 * Spring, hence its own JSON mapper.
 */
public class ApiErrorReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String uri = String.valueOf(request.getRequestURI());
		boolean graph = uri.startsWith("/graph");
		try {
			response.setContentType(graph ? "application/json" : "application/problem+json");
			response.setCharacterEncoding("utf-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(JSON.writeValueAsString(graph ? graphError() : problem(status)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone or the response cannot take a body: nothing more to
			// say.
		}
	}

	private static Map<String, Object> graphError() {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", "(#100) Invalid request");
		error.put("type", "OAuthException");
		error.put("code", 100);
		error.put("fbtrace_id", UUID.randomUUID().toString().replace("-", "").substring(0, 22));
		return Map.of("error", error);
	}

	private static Map<String, Object> problem(int status) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("title", "Bad Request");
		problem.put("status", status);
		problem.put("detail", "The request is malformed");
		return problem;
	}

}
