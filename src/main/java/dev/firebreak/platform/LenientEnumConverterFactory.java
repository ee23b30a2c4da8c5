package dev.firebreak.platform;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Query parameters and form fields name enum values as the JSON does ({@code investigating},
 * {@code SEV2}); matching ignores case so a person typing either form is understood.
 */
final class LenientEnumConverterFactory implements ConverterFactory<String, Enum<?>> {

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public <T extends Enum<?>> Converter<String, T> getConverter(Class<T> targetType) {
		return source -> {
			if (source.isBlank()) {
				return null;
			}
			var wanted = source.trim().replace('-', '_').toUpperCase(Locale.ROOT);
			for (T constant : targetType.getEnumConstants()) {
				if (constant.name().equals(wanted)) {
					return constant;
				}
			}
			throw new IllegalArgumentException("'" + source + "' is not one of "
					+ Arrays.stream(targetType.getEnumConstants()).map(Object::toString).toList());
		};
	}
}
