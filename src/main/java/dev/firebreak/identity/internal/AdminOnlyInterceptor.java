package dev.firebreak.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;

/** Refuses {@link AdminOnly} handlers to non-admins before any argument is read or validated. */
@Configuration(proxyBeanMethods = false)
class AdminOnlyInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && adminOnly(method)) {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			var admin = authentication != null && authentication.getPrincipal() instanceof FirebreakUser user
					&& user.isAdmin();
			if (!admin) {
				throw new AccessDeniedException("Administrators only");
			}
		}
		return true;
	}

	private static boolean adminOnly(HandlerMethod method) {
		return method.hasMethodAnnotation(AdminOnly.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), AdminOnly.class);
	}
}
