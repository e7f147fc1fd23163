package jp.mamori.web;

import java.time.Duration;
import java.util.Locale;

import jp.mamori.shared.OrgId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Japanese unless the person chose English ({@code ?lang=en}, remembered in a cookie).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("MAMORI_LANG");
		resolver.setDefaultLocale(Locale.JAPANESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}

	/**
	 * Static files under their own paths only (Spring Boot's default maps {@code /**},
	 * with {@code spring.web.resources.add-mappings=false} set in
	 * application.properties): with {@code /**}, every link a page renders
	 * ({@code @{/orgs/…}}) was looked up as a possible static file in the jar — at 50
	 * ledger rows with several links each, most of a page's CPU time (measured with wrk
	 * and jstack for issue 9). Webjars keep their version-free URLs through the webjars
	 * locator.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new StringToOrgId());
	}

	/** Ids in URLs; a malformed one is a 404 like any id that is not there. */
	static final class StringToOrgId implements Converter<String, OrgId> {

		@Override
		public OrgId convert(String source) {
			try {
				return new OrgId(java.util.UUID.fromString(source));
			}
			catch (IllegalArgumentException ex) {
				throw new jp.mamori.shared.NotFoundException("組織が見つかりません");
			}
		}

	}

}
