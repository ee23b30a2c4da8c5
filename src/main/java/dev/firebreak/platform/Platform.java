package dev.firebreak.platform;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.core.jackson.ModelResolver;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every capability shares: the one clock, and the JSON conventions of the API
 * (snake_case, unknown properties rejected, lower-case enums), in the API and in its documentation.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Platform implements WebMvcConfigurer {

	/**
	 * The only source of time. Tests replace it with a clock they can move (several instances in one
	 * test share one, registered before the context starts). It ticks in whole
	 * milliseconds, so a time read back from either database equals the one that was written.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tickMillis(ZoneOffset.UTC);
	}

	@Bean
	JsonMapperBuilderCustomizer firebreakJsonConventions() {
		return builder -> builder
				.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				// "status": 3 must not quietly mean the fourth status
				.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
				// 1.5 for a whole number is a mistake to report, not a value to round
				.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				// {"title": "a", "title": "b"} is a mistake, not a choice of the second
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.addModule(new SimpleModule("firebreak-plain-text").addDeserializer(String.class, new PlainTextDeserializer()));
	}

	/**
	 * The API documentation names properties as the API does. springdoc reads the models through
	 * swagger-core, which still uses Jackson 2 and so cannot see the naming strategy of the
	 * application's Jackson 3 mapper above; this resolver, replacing swagger-core's default one,
	 * is told the same convention.
	 */
	@Bean
	ModelResolver snakeCaseModelResolver(ObjectMapperProvider springdocMappers) {
		var mapper = springdocMappers.jsonMapper().copy()
			.setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
		return new ModelResolver(mapper).openapi31(springdocMappers.isOpenapi31());
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new LenientEnumConverterFactory());
	}
}
