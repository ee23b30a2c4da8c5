package dev.firebreak.platform;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's title and its one way in: a bearer API token, so Swagger UI's "Authorize" works. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "Firebreak API", version = "v1",
				description = "Incident response from the first alert to the lessons learned. "
						+ "Get a token with POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'."),
		security = @SecurityRequirement(name = ApiDocumentation.BEARER))
@SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API token from POST /api/v1/auth/token")
class ApiDocumentation {

	static final String BEARER = "api-token";
}
