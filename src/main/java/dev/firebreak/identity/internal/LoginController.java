package dev.firebreak.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	static final String LOGIN_VIEW = "identity/login";

	@GetMapping("/login")
	String login() {
		return LOGIN_VIEW;
	}
}
