package dev.firebreak.identity.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	static final String LOGIN_VIEW = "identity/login";

	private final Duration throttleWindow;

	LoginController(@Value("${firebreak.sign-in.window}") Duration throttleWindow) {
		this.throttleWindow = throttleWindow;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("throttleMinutes", throttleWindow.toMinutes());
		return LOGIN_VIEW;
	}
}
