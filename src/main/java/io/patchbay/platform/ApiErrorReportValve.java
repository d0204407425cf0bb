package io.patchbay.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Renders the errors that Tomcat raises before any application code runs (a path with
 * {@code %00} or an encoded slash, a malformed request line) in the format of the API
 * that was called, instead of Tomcat's HTML page: the Graph error envelope under
 * {@code /graph}, a problem detail elsewhere.
 */
public class ApiErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String uri = String.valueOf(request.getRequestURI());
		boolean graph = uri.startsWith("/graph");
		String body = graph
				? "{\"error\":{\"message\":\"(#100) Invalid request\",\"type\":\"OAuthException\",\"code\":100,"
						+ "\"fbtrace_id\":\"" + UUID.randomUUID().toString().replace("-", "").substring(0, 22) + "\"}}"
				: "{\"title\":\"Bad Request\",\"status\":" + status + ",\"detail\":\"The request is malformed\"}";
		try {
			response.setContentType(graph ? "application/json" : "application/problem+json");
			response.setCharacterEncoding("utf-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone or the response cannot take a body: nothing more to
			// say.
		}
	}

}
