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
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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
