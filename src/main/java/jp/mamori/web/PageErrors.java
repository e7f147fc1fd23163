package jp.mamori.web;

import jakarta.servlet.http.HttpServletResponse;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Pages: a missing record is a 404 page, bad input a 400 page with the Japanese reason.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		model.addAttribute("message", ex.getMessage());
		return "error";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("status", 400);
		model.addAttribute("message", "ファイルが大きすぎます。小さいファイルに分けて登録してください");
		return "error";
	}

	@ExceptionHandler(BadInputException.class)
	String bad(BadInputException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("status", 400);
		model.addAttribute("message", ex.getMessage());
		return "error";
	}

}
