package jp.mamori.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Log files are large (a Windows Security log is 20 MB by default, syslog dumps far
 * more), so the servlet's multipart limit is set for them; every other upload (ledgers,
 * evidence, catalog, feeds, configurations) is read into memory and keeps the small limit
 * here, refused before the body is read, with a Japanese message.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadSizeFilter extends OncePerRequestFilter {

	/** Where large uploads are streamed to disk and parsed as streams. */
	private static final Pattern LARGE_UPLOADS = Pattern.compile("^(/api/v1)?/orgs/[^/]+/logs/imports$");

	private final long maxBytes;

	UploadSizeFilter(@Value("${mamori.upload.max-bytes:22020096}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (multipart && request.getContentLengthLong() > maxBytes && !LARGE_UPLOADS.matcher(path).matches()) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream()
				.write(("ファイルが大きすぎます（上限 " + maxBytes / (1024 * 1024) + "MB）。ファイルを分けて取り込んでください。")
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

}
