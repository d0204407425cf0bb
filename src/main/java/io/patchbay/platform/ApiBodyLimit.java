package io.patchbay.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin and member APIs ({@code /api/**}) read at most 1 MiB of request body, as the
 * Graph API does: a larger announced length is refused at once, and a body sent without
 * one (chunked) fails when it grows past the limit, both as a 413 problem detail (the
 * latter through {@link ProblemDetailsAdvice}). Multipart uploads keep their own limits
 * ({@code spring.servlet.multipart.*}), which the logo's 1 MiB check stands behind.
 */
class ApiBodyLimit extends OncePerRequestFilter {

	static final int MAX_BODY = 1024 * 1024;

	static final String MESSAGE = "The request body is larger than 1 MiB";

	private final JsonMapper json;

	ApiBodyLimit(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(),
					ProblemDetailsAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, MESSAGE, null));
			return;
		}
		chain.doFilter(new LimitedBody(request), response);
	}

	/** Raised by a body read past the limit; the advice answers it with 413. */
	static class TooLargeException extends IOException {

		TooLargeException() {
			super(MESSAGE);
		}

	}

	private static final class LimitedBody extends HttpServletRequestWrapper {

		private @Nullable ServletInputStream input;

		LimitedBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.input == null) {
				this.input = new LimitedInput(super.getInputStream());
			}
			return this.input;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedInput extends ServletInputStream {

		private final ServletInputStream delegate;

		private long read;

		LimitedInput(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int next = this.delegate.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.delegate.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void count(int bytes) throws TooLargeException {
			this.read += bytes;
			if (this.read > MAX_BODY) {
				throw new TooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
