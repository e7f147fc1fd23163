package jp.mamori.evaluation.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.mamori.evaluation.RemediationTask;
import jp.mamori.evaluation.RemediationTasks;
import jp.mamori.evaluation.TaskStatus;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Remediation tasks: the list (overdue and open first, filter by status), one task with
 * its comments and edit form, and the button on a checklist item that makes a task from
 * it. Closing a task re-runs its check and says whether it now passes.
 */
@Controller
class TasksController {

	private final RemediationTasks tasks;

	private final Organizations organizations;

	TasksController(RemediationTasks tasks, Organizations organizations) {
		this.tasks = tasks;
		this.organizations = organizations;
	}

	@GetMapping("/orgs/{org}/tasks")
	@PreAuthorize("@access.canView(#org)")
	String list(@PathVariable OrgId org, @RequestParam(required = false) String status, Model model) {
		TaskStatus filter = status == null ? null : TaskStatus.fromCode(status).orElse(null);
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("tasks", tasks.list(org, filter));
		model.addAttribute("status", filter);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("today", tasks.today());
		return "evaluation/tasks";
	}

	/**
	 * In-app reminder on the dashboard: open tasks overdue or due within
	 * {@value #REMIND_DAYS} days.
	 */
	@GetMapping("/orgs/{org}/tasks/due")
	@PreAuthorize("@access.canView(#org)")
	String due(@PathVariable OrgId org, Model model) {
		java.time.LocalDate today = tasks.today();
		model.addAttribute("orgId", org);
		model.addAttribute("today", today);
		model.addAttribute("dueTasks",
				tasks.list(org, null)
					.stream()
					.filter(t -> t.status() != jp.mamori.evaluation.TaskStatus.DONE && t.dueOn() != null
							&& !t.dueOn().isAfter(today.plusDays(REMIND_DAYS)))
					.toList());
		return "evaluation/tasks :: due";
	}

	static final int REMIND_DAYS = 14;

	@GetMapping("/orgs/{org}/tasks/{id}")
	@PreAuthorize("@access.canView(#org)")
	String task(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		RemediationTask task = tasks.require(org, id);
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("task", task);
		model.addAttribute("detailLines", task.detail() == null ? List.of() : task.detail().lines().toList());
		model.addAttribute("comments", tasks.comments(org, id));
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("today", tasks.today());
		return "evaluation/task";
	}

	@PostMapping("/orgs/{org}/tasks")
	@PreAuthorize("@access.canEdit(#org)")
	String create(@PathVariable OrgId org, @RequestParam(required = false) String title,
			@RequestParam(required = false) String detail, @RequestParam(required = false) String owner,
			@RequestParam(required = false) LocalDate dueOn, Principal principal, RedirectAttributes redirect) {
		try {
			RemediationTask task = tasks.create(org, title, detail, owner, dueOn, principal.getName());
			return "redirect:/orgs/" + org + "/tasks/" + task.id();
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("taskError", ex.getMessage());
			return "redirect:/orgs/" + org + "/tasks";
		}
	}

	@PostMapping("/orgs/{org}/tasks/{id}")
	@PreAuthorize("@access.canEdit(#org)")
	String update(@PathVariable OrgId org, @PathVariable UUID id,
			@RequestParam(required = false) Integer expectedVersion, @RequestParam(required = false) String owner,
			@RequestParam(required = false) LocalDate dueOn, @RequestParam(required = false) String status,
			Principal principal, RedirectAttributes redirect) {
		try {
			if (expectedVersion == null) {
				throw new BadInputException("画面を開き直してから、もう一度変更してください");
			}
			TaskStatus newStatus = TaskStatus.fromCode(status == null ? "" : status)
				.orElseThrow(() -> new BadInputException("状態を選んでください"));
			var updated = tasks.update(org, id, expectedVersion, owner, dueOn, newStatus, principal.getName());
			redirect.addFlashAttribute("taskNotice", "task.notice.updated");
			updated.recheck().ifPresent(r -> {
				redirect.addFlashAttribute("recheckStatus", r.status().name());
				redirect.addFlashAttribute("recheckReason", r.reasonText());
			});
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("taskError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/tasks/" + id;
	}

	@PostMapping("/orgs/{org}/tasks/{id}/comments")
	@PreAuthorize("@access.canEdit(#org)")
	String comment(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam(required = false) String body,
			Principal principal, RedirectAttributes redirect) {
		try {
			tasks.comment(org, id, body, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("taskError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/tasks/" + id + "#comments";
	}

	@PostMapping("/orgs/{org}/assessments/{id}/items/{itemId}/tasks")
	@PreAuthorize("@access.canEdit(#org)")
	String createFromItem(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable String itemId,
			Principal principal) {
		RemediationTask task = tasks.createFromItem(org, id, itemId, principal.getName());
		return "redirect:/orgs/" + org + "/tasks/" + task.id();
	}

}
